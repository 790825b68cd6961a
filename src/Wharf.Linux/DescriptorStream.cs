using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>
/// An inherited descriptor (stdin, stdout, stderr) as a plain read(2)/write(2) stream. Unlike .NET's console streams it
/// never initialises the terminal (which writes keypad escapes) or line-edits input; unlike FileStream it keeps no
/// offset of its own, so several writers on a redirected stdout append in order instead of overwriting each other.
/// Reads and writes block; the async forms run them on the thread pool.
/// </summary>
public sealed partial class DescriptorStream : Stream
{
    private const int Interrupted = 4;
    private const int BrokenPipe = 32;
    private readonly int _fd;
    private readonly bool _readable;

    public DescriptorStream(int fd, bool readable)
    {
        _fd = fd;
        _readable = readable;
    }

    public override bool CanRead => _readable;

    public override bool CanSeek => false;

    public override bool CanWrite => !_readable;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override unsafe int Read(Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            while (true)
            {
                var read = NativeRead(_fd, data, (nuint)buffer.Length);
                if (read >= 0)
                {
                    return (int)read;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interrupted)
                {
                    throw UnixError.ToException(errno, "read");
                }
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.Run(() => Read(buffer, offset, count), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => Read(buffer.Span), cancellationToken));

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var written = NativeWrite(_fd, data + done, (nuint)(buffer.Length - done));
                if (written >= 0)
                {
                    done += (int)written;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == BrokenPipe)
                {
                    // The reader went away (`wharf ps | head -1`): drop the rest, as .NET's console streams do.
                    return;
                }

                if (errno != Interrupted)
                {
                    throw UnixError.ToException(errno, "write");
                }
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Terminal and pipe writes are short; doing them inline keeps output in order without a hop.
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint NativeRead(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint NativeWrite(int fd, byte* buffer, nuint count);
}
