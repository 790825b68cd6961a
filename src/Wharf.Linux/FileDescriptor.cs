using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>Raw file descriptor I/O (pipes, ptys, /dev/null) for code that must not go through FileStream.</summary>
public static unsafe partial class FileDescriptor
{
    public const int OpenReadOnly = 0x0;
    public const int OpenWriteOnly = 0x1;
    public const int OpenReadWrite = 0x2;
    public const int OpenCreate = 0x40;
    public const int OpenTruncate = 0x200;
    public const int OpenAppend = 0x400;
    public const int OpenCloseOnExec = 0x80000;

    private const int ErrorInterrupted = 4;
    private const int ErrorInputOutput = 5;

    /// <summary>open(2) with O_CLOEXEC added.</summary>
    public static int Open(string path, int flags, int mode = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        while (true)
        {
            var fd = NativeOpen(path, flags | OpenCloseOnExec, (uint)mode);
            if (fd >= 0)
            {
                return fd;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != ErrorInterrupted)
            {
                throw UnixError.ToException(errno, $"open {path}");
            }
        }
    }

    /// <summary>
    /// read(2), retried on EINTR. Returns 0 at end of file; a pty master whose other side is gone (EIO) counts as
    /// end of file too.
    /// </summary>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            while (true)
            {
                var read = NativeRead(fd, data, (nuint)buffer.Length);
                if (read >= 0)
                {
                    return (int)read;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == ErrorInterrupted)
                {
                    continue;
                }

                if (errno == ErrorInputOutput)
                {
                    return 0;
                }

                throw UnixError.ToException(errno, "read");
            }
        }
    }

    /// <summary>Writes all of <paramref name="data"/>, retrying short writes and EINTR.</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var written = NativeWrite(fd, start + offset, (nuint)(data.Length - offset));
                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == ErrorInterrupted)
                    {
                        continue;
                    }

                    throw UnixError.ToException(errno, "write");
                }

                offset += (int)written;
            }
        }
    }

    /// <summary>fsync(2).</summary>
    public static void Sync(int fd)
    {
        if (NativeSync(fd) != 0)
        {
            throw UnixError.ToException(Marshal.GetLastPInvokeError(), "fsync");
        }
    }

    /// <summary>close(2); errors are ignored (the descriptor is gone either way on Linux).</summary>
    public static void Close(int fd)
    {
        if (fd >= 0)
        {
            _ = NativeClose(fd);
        }
    }

    /// <summary>dup2(2): makes <paramref name="newFd"/> refer to what <paramref name="fd"/> refers to.</summary>
    public static void Duplicate(int fd, int newFd)
    {
        while (NativeDup2(fd, newFd) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != ErrorInterrupted)
            {
                throw UnixError.ToException(errno, "dup2");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeOpen(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint NativeRead(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int NativeSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int NativeClose(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int NativeDup2(int fd, int newFd);
}
