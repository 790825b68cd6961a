using System.Security.Cryptography;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>
/// moby's logger.Copier for one stream: splits output into lines at '\n'; a line that fills the 16 KiB buffer
/// without a newline goes out in partial pieces (same id and timestamp, ordinals from 1, the piece that ends the
/// line marked last); bytes left when the stream ends go out as a partial piece without newline.
/// </summary>
internal sealed class LogCopier
{
    public const int BufferSize = 16 * 1024;

    private readonly string _source;
    private readonly ILogSink _sink;
    private readonly Func<long> _clock;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _count;
    private string? _partialId;
    private int _ordinal;
    private long _partialTime;

    public LogCopier(string source, ILogSink sink, Func<long>? clock = null)
    {
        _source = source;
        _sink = sink;
        _clock = clock ?? RealtimeClock.UnixNanoseconds;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, BufferSize - _count);
            data[..take].CopyTo(_buffer.AsSpan(_count));
            _count += take;
            data = data[take..];
            Emit(endOfStream: false);
        }

        _sink.Flush();
    }

    /// <summary>The stream ended: whatever is left goes out as a partial piece.</summary>
    public void Finish()
    {
        Emit(endOfStream: true);
        _sink.Flush();
    }

    private void Emit(bool endOfStream)
    {
        var position = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(position, _count - position).IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            var line = _buffer.AsSpan(position, newline);
            if (_partialId is not null)
            {
                _sink.Write(_source, _partialTime, line, new PartialLogInfo(_partialId, _ordinal, Last: true));
                _partialId = null;
                _ordinal = 0;
            }
            else
            {
                _sink.Write(_source, _clock(), line, null);
            }

            position += newline + 1;
        }

        if ((endOfStream || (position == 0 && _count == BufferSize)) && position < _count)
        {
            if (_partialId is null)
            {
                _partialId = RandomNumberGenerator.GetHexString(64, lowercase: true);
                _partialTime = _clock();
                _ordinal = 1;
            }

            _sink.Write(_source, _partialTime, _buffer.AsSpan(position, _count - position), new PartialLogInfo(_partialId, _ordinal, Last: false));
            _ordinal++;
            position = _count;
        }

        if (position > 0)
        {
            _buffer.AsSpan(position, _count - position).CopyTo(_buffer);
            _count -= position;
        }
    }
}
