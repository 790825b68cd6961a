namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// The part of compose's loader.ParseVolume that <c>-v</c> needs: whether a value names a source (a bind or a named
/// volume, sent as <c>Binds</c>) or only a target (an anonymous volume, sent in <c>Volumes</c>).
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

        var sections = spec.Split(':');
        if (sections.Any(s => s.Length == 0))
        {
            throw new FormatException($"invalid spec: {spec}: empty section between colons");
        }

        if (sections.Length > 3)
        {
            throw new FormatException($"invalid spec: {spec}: too many colons");
        }

        return sections.Length == 1 ? "" : sections[0];
    }

    /// <summary>A bind source is a path: it starts with '.', '/' or '~'.</summary>
    public static bool IsBind(string source) => source.Length > 0 && source[0] is '.' or '/' or '~';
}
