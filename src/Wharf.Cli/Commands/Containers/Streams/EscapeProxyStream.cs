namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>
/// moby/term's escapeProxy: passes keystrokes through, holding back a prefix of the detach sequence until it is
/// complete (then reading fails with <see cref="DetachRequestedException"/>) or broken (then the held keys go out
/// first). Like docker, it only matches keys that arrive one per read, as typed keys do. Where Go's proxy returns zero
/// bytes for a held key, this one reads on, since zero means end of stream to .NET.
/// </summary>
public sealed class EscapeProxyStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _escapeKeys;
    private int _matched;

    public EscapeProxyStream(Stream inner, byte[] escapeKeys)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(escapeKeys);
        _inner = inner;
        _escapeKeys = escapeKeys;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (true)
        {
            var result = Filter(buffer.AsSpan(offset, count), _inner.Read(buffer, offset, count));
            if (result >= 0)
            {
                return result;
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            var result = Filter(buffer.Span, read);
            if (result >= 0)
            {
                return result;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The bytes to hand out, or -1 when the key read is held back and another read is needed.</summary>
    private int Filter(Span<byte> buffer, int read)
    {
        if (_escapeKeys.Length == 0)
        {
            return read;
        }

        if (read != 1)
        {
            return _matched > 0 ? Preserve(buffer, read) : read;
        }

        if (buffer[0] != _escapeKeys[_matched])
        {
            return _matched > 0 ? Preserve(buffer, read) : read;
        }

        if (_matched == _escapeKeys.Length - 1)
        {
            throw new DetachRequestedException();
        }

        // Hold this key back; it goes out later if the sequence breaks.
        _matched++;
        return -1;
    }

    /// <summary>The held-back keys go first, then what was just read (the buffer is assumed to have room, as in docker).</summary>
    private int Preserve(Span<byte> buffer, int read)
    {
        var held = _matched;
        _matched = 0;
        var total = Math.Min(buffer.Length, held + read);
        var combined = new byte[held + read];
        _escapeKeys.AsSpan(0, held).CopyTo(combined);
        buffer[..read].CopyTo(combined.AsSpan(held));
        combined.AsSpan(0, total).CopyTo(buffer);
        return total;
    }
}
