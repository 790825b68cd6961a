namespace Wharf.Cli.Tests.Containers;

/// <summary>
/// Hands out its bytes one read at a time, as a terminal delivers typed keys; then it blocks like an idle terminal,
/// or, with <paramref name="endAfterwards"/>, ends.
/// </summary>
internal sealed class OneByteStream(byte[] bytes, bool endAfterwards = false) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => bytes.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= bytes.Length)
        {
            if (endAfterwards)
            {
                return 0;
            }

            Thread.Sleep(Timeout.Infinite);
        }

        buffer[offset] = bytes[_position++];
        return 1;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= bytes.Length)
        {
            if (endAfterwards)
            {
                return 0;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        buffer.Span[0] = bytes[_position++];
        return 1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
