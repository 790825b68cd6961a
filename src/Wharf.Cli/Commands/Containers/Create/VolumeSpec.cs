using System.Text;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// The part of compose's loader.ParseVolume that <c>-v</c> needs: whether a value names a source (a bind or a named
/// volume, sent as <c>Binds</c>) or only a target (an anonymous volume, sent in <c>Volumes</c>). A single letter
/// before a colon is taken for a Windows drive, as compose does ("a:b" is one section).
/// </summary>
public static class VolumeSpec
{
    /// <summary>The source, or "" for an anonymous volume; throws <see cref="FormatException"/> ("invalid spec: …").</summary>
    public static string Source(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Length == 0)
        {
            throw new FormatException("invalid empty volume spec");
        }

        if (spec.Length <= 2)
        {
            return "";
        }

        var buffer = new StringBuilder();
        var source = "";
        var target = "";
        for (var i = 0; i <= spec.Length; i++)
        {
            var end = i == spec.Length;
            var c = end ? '\0' : spec[i];
            if (!end && c == ':' && buffer.Length == 1 && char.IsLetter(buffer[0]))
            {
                buffer.Append(c);
                continue;
            }

            if (!end && c != ':')
            {
                buffer.Append(c);
                continue;
            }

            if (buffer.Length == 0)
            {
                throw new FormatException($"invalid spec: {spec}: empty section between colons");
            }

            if (source.Length == 0 && end)
            {
                target = buffer.ToString();
            }
            else if (source.Length == 0)
            {
                source = buffer.ToString();
            }
            else if (target.Length == 0)
            {
                target = buffer.ToString();
            }
            else if (!end)
            {
                throw new FormatException($"invalid spec: {spec}: too many colons");
            }

            buffer.Clear();
        }

        return source;
    }

    /// <summary>A bind source is a path: it starts with '.', '/' or '~'.</summary>
    public static bool IsBind(string source) => source.Length > 0 && source[0] is '.' or '/' or '~';
}
