using System.Runtime.InteropServices;
using System.Text;

namespace Wharf.Linux;

/// <summary>
/// Blocking unix stream sockets on raw descriptors, for a process that serves a few connections on dedicated
/// threads and wants neither System.Net.Sockets' event loop thread nor its code.
/// </summary>
public static unsafe partial class UnixSocket
{
    private const int AddressFamilyUnix = 1;
    private const int SocketStream = 1;
    private const int SocketCloseOnExec = 0x80000;
    private const int ShutdownBoth = 2;
    private const int SendNoSignal = 0x4000;
    private const int PathCapacity = 108;
    private const int ErrorInterrupted = 4;
    private const int ErrorInvalid = 22;
    private const int ErrorBadDescriptor = 9;
    private const int ErrorConnectionAborted = 103;

    /// <summary>Binds <paramref name="path"/> (which must not exist) and listens on it.</summary>
    public static FileDescriptorHandle Listen(string path, int backlog)
    {
        ArgumentNullException.ThrowIfNull(path);
        var socket = CreateSocket();
        try
        {
            Span<byte> address = stackalloc byte[2 + PathCapacity];
            var length = FillAddress(path, address);
            fixed (byte* data = address)
            {
                if (Bind(socket, data, (uint)length) != 0)
                {
                    throw UnixError.ToException(Marshal.GetLastPInvokeError(), $"bind {path}");
                }
            }

            if (NativeListen(socket, backlog) != 0)
            {
                throw UnixError.ToException(Marshal.GetLastPInvokeError(), $"listen {path}");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next connection, or null once the listener was shut down or closed.</summary>
    public static FileDescriptorHandle? Accept(FileDescriptorHandle listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        while (true)
        {
            int fd;
            try
            {
                fd = Accept4(listener, null, null, SocketCloseOnExec);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }

            if (fd >= 0)
            {
                return new FileDescriptorHandle(fd);
            }

            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case ErrorInterrupted or ErrorConnectionAborted:
                    continue;
                case ErrorInvalid or ErrorBadDescriptor:
                    return null;
                default:
                    throw UnixError.ToException(errno, "accept");
            }
        }
    }

    /// <summary>recv(2); 0 at end of stream.</summary>
    public static int Receive(FileDescriptorHandle socket, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(socket);
        fixed (byte* data = buffer)
        {
            while (true)
            {
                var read = Recv(socket, data, (nuint)buffer.Length, 0);
                if (read >= 0)
                {
                    return (int)read;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != ErrorInterrupted)
                {
                    throw UnixError.ToException(errno, "recv");
                }
            }
        }
    }

    /// <summary>Sends everything (MSG_NOSIGNAL: a closed peer is an IOException, not a SIGPIPE).</summary>
    public static void SendAll(FileDescriptorHandle socket, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(socket);
        fixed (byte* start = data)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var sent = Send(socket, start + offset, (nuint)(data.Length - offset), SendNoSignal);
                if (sent < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == ErrorInterrupted)
                    {
                        continue;
                    }

                    throw UnixError.ToException(errno, "send");
                }

                offset += (int)sent;
            }
        }
    }

    /// <summary>shutdown(SHUT_RDWR): wakes every thread blocked on the socket (accept, recv, send); errors are ignored.</summary>
    public static void Shutdown(FileDescriptorHandle socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            _ = NativeShutdown(socket, ShutdownBoth);
        }
        catch (ObjectDisposedException)
        {
            // Closed already.
        }
    }

    private static FileDescriptorHandle CreateSocket()
    {
        var fd = NativeSocket(AddressFamilyUnix, SocketStream | SocketCloseOnExec, 0);
        return fd >= 0 ? new FileDescriptorHandle(fd) : throw UnixError.ToException(Marshal.GetLastPInvokeError(), "socket");
    }

    private static int FillAddress(string path, Span<byte> address)
    {
        address.Clear();
        address[0] = AddressFamilyUnix;
        var length = Encoding.UTF8.GetByteCount(path);
        if (length >= PathCapacity)
        {
            throw new IOException($"socket path too long ({length} bytes): {path}");
        }

        Encoding.UTF8.GetBytes(path, address[2..]);
        return 2 + length + 1;
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int NativeSocket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int Bind(FileDescriptorHandle socket, byte* address, uint length);

    [LibraryImport("libc", EntryPoint = "listen", SetLastError = true)]
    private static partial int NativeListen(FileDescriptorHandle socket, int backlog);

    [LibraryImport("libc", EntryPoint = "accept4", SetLastError = true)]
    private static partial int Accept4(FileDescriptorHandle socket, byte* address, uint* length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Recv(FileDescriptorHandle socket, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(FileDescriptorHandle socket, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "shutdown", SetLastError = true)]
    private static partial int NativeShutdown(FileDescriptorHandle socket, int how);
}
