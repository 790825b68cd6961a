using System.Buffers;

namespace Wharf.Engine.Exec;

/// <summary>
/// Watches a TTY client's stdin for the detach sequence. Bytes that could start the sequence are held back until it is
/// clear whether they do (then they are swallowed and the attach ends) or not (then they are passed on), as moby/term's
/// escape proxy does; unlike that proxy, the sequence is also found when the keys arrive in one read.
/// </summary>
public sealed class DetachKeyMatcher
{
    private readonly byte[] _keys;
    private int _matched;

    public DetachKeyMatcher(ReadOnlyMemory<byte> keys)
    {
        _keys = keys.IsEmpty ? DetachKeySequence.Default.ToArray() : keys.ToArray();
    }

    /// <summary>Passes <paramref name="input"/> on to <paramref name="forward"/>; true when the sequence completed (nothing after it is passed on).</summary>
    public bool Feed(ReadOnlySpan<byte> input, IBufferWriter<byte> forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        foreach (var value in input)
        {
            if (value == _keys[_matched])
            {
                _matched++;
                if (_matched == _keys.Length)
                {
                    _matched = 0;
                    return true;
                }

                continue;
            }

            if (_matched > 0)
            {
                forward.Write(_keys.AsSpan(0, _matched));
                _matched = 0;
                if (value == _keys[0])
                {
                    // A sequence of one key never gets here: it matched or it did not.
                    _matched = 1;
                    continue;
                }
            }

            forward.Write([value]);
        }

        return false;
    }

    /// <summary>At the end of input: keys held back as a possible start of the sequence were ordinary input after all.</summary>
    public void Flush(IBufferWriter<byte> forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        if (_matched > 0)
        {
            forward.Write(_keys.AsSpan(0, _matched));
            _matched = 0;
        }
    }
}
