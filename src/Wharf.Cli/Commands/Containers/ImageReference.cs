using System.Text.RegularExpressions;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// The little of distribution/reference that create/run need: whether an image argument is a name (it can be
/// pulled) or an ID, its familiar form with the default tag ("busybox:latest") and the repository/tag to pull.
/// </summary>
public sealed partial record ImageReference(string Repository, string? Tag, string? Digest)
{
    private const string DefaultDomain = "docker.io";

    /// <summary>A name reference, or null for an image ID (64 hex digits, optionally with "sha256:").</summary>
    public static ImageReference? TryParseNamed(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (IdPattern().IsMatch(image))
        {
            return null;
        }

        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = image;
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            name = image[..at];
        }

        string? tag = null;
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > slash)
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }

        if (name.Length == 0 || !NamePattern().IsMatch(name))
        {
            if (name.Length > 0 && name.Any(char.IsAsciiLetterUpper))
            {
                throw new FormatException($"invalid reference format: repository name ({Normalize(name)[(DefaultDomain.Length + 1)..]}) must be lowercase");
            }

            throw new FormatException("invalid reference format");
        }

        return new ImageReference(Normalize(name), tag, digest);
    }

    /// <summary>reference.FamiliarString(reference.TagNameOnly(ref)): "busybox:latest", "localhost:5000/a:1".</summary>
    public string FamiliarWithDefaultTag
    {
        get
        {
            var familiar = Commands.Images.ImageNames.Familiar(Repository);
            if (Digest is not null)
            {
                return familiar + (Tag is null ? "" : ":" + Tag) + "@" + Digest;
            }

            return familiar + ":" + (Tag ?? "latest");
        }
    }

    /// <summary>The <c>tag</c> parameter of a pull: the digest, the tag, or "latest".</summary>
    public string PullTag => Digest ?? Tag ?? "latest";

    private static string Normalize(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash >= 0 ? name[..slash] : "";
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            return name;
        }

        return slash >= 0 ? DefaultDomain + "/" + name : DefaultDomain + "/library/" + name;
    }

    [GeneratedRegex("^(sha256:)?[a-f0-9]{64}$")]
    private static partial Regex IdPattern();

    /// <summary>Path components of lower-case alphanumerics and separators, after an optional registry host[:port].</summary>
    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$")]
    private static partial Regex NamePattern();
}
