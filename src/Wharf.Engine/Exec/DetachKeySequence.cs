using System.Text;

namespace Wharf.Engine.Exec;

/// <summary>
/// Docker's detach-key notation (moby/term's ToBytes): comma-separated keys, each a single character or one of
/// <c>ctrl-@</c>, <c>ctrl-a</c> … <c>ctrl-z</c>, <c>ctrl-[</c>, <c>ctrl-\</c>, <c>ctrl-]</c>, <c>ctrl-^</c>, <c>ctrl-_</c>, <c>DEL</c>.
/// </summary>
public static class DetachKeySequence
{
    /// <summary>ctrl-p, ctrl-q: what dockerd uses when none is configured.</summary>
    public static ReadOnlyMemory<byte> Default { get; } = new byte[] { 16, 17 };

    private static readonly string[] ControlNames = BuildControlNames();

    /// <summary>The bytes of <paramref name="keys"/>; false when a key is unknown (dockerd then answers <c>Invalid detach keys (…) provided</c>).</summary>
    public static bool TryParse(string keys, out byte[] codes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new List<byte>();
        codes = [];
        foreach (var key in keys.Split(','))
        {
            // Go measures the key in bytes: a multi-byte character is not "one character" there either.
            if (Encoding.UTF8.GetByteCount(key) == 1)
            {
                result.Add((byte)key[0]);
                continue;
            }

            var code = Array.IndexOf(ControlNames, key);
            if (code >= 0)
            {
                result.Add((byte)code);
            }
            else if (key == "DEL")
            {
                result.Add(127);
            }
            else
            {
                return false;
            }
        }

        codes = [.. result];
        return true;
    }

    private static string[] BuildControlNames()
    {
        var names = new string[32];
        names[0] = "ctrl-@";
        for (var letter = 'a'; letter <= 'z'; letter++)
        {
            names[letter - 'a' + 1] = "ctrl-" + letter;
        }

        names[27] = "ctrl-[";
        names[28] = "ctrl-\\";
        names[29] = "ctrl-]";
        names[30] = "ctrl-^";
        names[31] = "ctrl-_";
        return names;
    }
}
