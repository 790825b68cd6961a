using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>A connected unix socket as a Stream (blocking), for the protocol reader; it does not own the socket.</summary>
internal sealed class SocketStream : Stream
{
    private readonly FileDescriptorHandle _socket;

    public SocketStream(FileDescriptorHandle socket)
    {
        _socket = socket;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => UnixSocket.Receive(_socket, buffer);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => UnixSocket.SendAll(_socket, buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
