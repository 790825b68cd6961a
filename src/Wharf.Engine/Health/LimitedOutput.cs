using System.Text;

namespace Wharf.Engine.Health;

/// <summary>dockerd's limitedBuffer: keeps the first 4096 bytes of a probe's output and marks the rest with "...".</summary>
internal sealed class LimitedOutput
{
    public const int MaxBytes = 4096;

    private readonly byte[] _buffer = new byte[MaxBytes];
    private int _length;
    private bool _truncated;

    public void Write(ReadOnlySpan<byte> data)
    {
        var keep = Math.Min(MaxBytes - _length, data.Length);
        if (keep > 0)
        {
            data[..keep].CopyTo(_buffer.AsSpan(_length));
            _length += keep;
        }

        if (keep < data.Length)
        {
            _truncated = true;
        }
    }

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(_buffer, 0, _length);
        return _truncated ? text + "..." : text;
    }
}
