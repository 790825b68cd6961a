using System.Text.Json;

namespace Wharf.Shim.Protocol;

/// <summary>
/// Reads a shim connection: the JSON line first, then frames. Buffered, so that bytes of the first frame read
/// along with the line are not lost. Synchronous methods for the shim (blocking threads), asynchronous for wharfd.
/// </summary>
public sealed class ShimConnectionReader
{
    /// <summary>Exec requests carry a whole OCI process; anything beyond this is not a request.</summary>
    public const int MaxLineLength = 4 << 20;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public ShimConnectionReader(Stream stream)
    {
        _stream = stream;
    }

    public T? ReadJson<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var line = ReadLine();
        return line is null ? null : JsonSerializer.Deserialize(line, typeInfo);
    }

    public async ValueTask<T?> ReadJsonAsync<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line is null ? null : JsonSerializer.Deserialize(line, typeInfo);
    }

    /// <summary>The next line without its newline, or null at end of stream.</summary>
    public byte[]? ReadLine()
    {
        var scanned = 0;
        while (true)
        {
            if (TryTakeLine(ref scanned, out var line))
            {
                return line;
            }

            if (!Fill(_stream.Read(Room())))
            {
                return null;
            }
        }
    }

    public async ValueTask<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            if (TryTakeLine(ref scanned, out var line))
            {
                return line;
            }

            if (!Fill(await _stream.ReadAsync(RoomMemory(), cancellationToken).ConfigureAwait(false)))
            {
                return null;
            }
        }
    }

    /// <summary>The next frame, or null at end of stream.</summary>
    public ShimFrame? ReadFrame()
    {
        while (true)
        {
            if (TryTakeFrame(out var frame))
            {
                return frame;
            }

            if (!Fill(_stream.Read(Room())))
            {
                return null;
            }
        }
    }

    public async ValueTask<ShimFrame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeFrame(out var frame))
            {
                return frame;
            }

            if (!Fill(await _stream.ReadAsync(RoomMemory(), cancellationToken).ConfigureAwait(false)))
            {
                return null;
            }
        }
    }

    private bool TryTakeLine(ref int scanned, out byte[]? line)
    {
        var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
        if (newline < 0)
        {
            scanned = _end - _start;
            if (scanned > MaxLineLength)
            {
                throw new InvalidDataException("shim request line too long");
            }

            line = null;
            return false;
        }

        var length = scanned + newline;
        line = _buffer.AsSpan(_start, length).ToArray();
        _start += length + 1;
        return true;
    }

    private bool TryTakeFrame(out ShimFrame frame)
    {
        frame = default;
        var available = _end - _start;
        if (available < ShimFrames.HeaderLength)
        {
            return false;
        }

        var (kind, length) = ShimFrames.ReadHeader(_buffer.AsSpan(_start, ShimFrames.HeaderLength));
        if (available < ShimFrames.HeaderLength + length)
        {
            EnsureCapacity(ShimFrames.HeaderLength + length);
            return false;
        }

        frame = new ShimFrame(kind, _buffer.AsSpan(_start + ShimFrames.HeaderLength, length).ToArray());
        _start += ShimFrames.HeaderLength + length;
        return true;
    }

    private Span<byte> Room()
    {
        Compact();
        return _buffer.AsSpan(_end);
    }

    private Memory<byte> RoomMemory()
    {
        Compact();
        return _buffer.AsMemory(_end);
    }

    private bool Fill(int read)
    {
        if (read <= 0)
        {
            return false;
        }

        _end += read;
        return true;
    }

    private void Compact()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer.Length - _start < needed)
        {
            Compact();
            if (_buffer.Length < needed)
            {
                Array.Resize(ref _buffer, needed);
            }
        }
    }
}
