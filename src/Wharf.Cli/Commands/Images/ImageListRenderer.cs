using System.Globalization;
using Wharf.Api.Time;
using Wharf.Api;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Images;

/// <summary>docker/cli's formatter.ImageContext (v28): one row per repository:tag (and digest with <c>--digests</c>).</summary>
public sealed class ImageListRenderer
{
    public const string DefaultTableFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    public const string DigestTableFormat = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    public const string QuietFormat = "{{.ID}}";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ID"] = "IMAGE ID",
        ["Repository"] = "REPOSITORY",
        ["Tag"] = "TAG",
        ["Digest"] = "DIGEST",
        ["CreatedSince"] = "CREATED",
        ["CreatedAt"] = "CREATED AT",
        ["Size"] = "SIZE",
        ["Containers"] = "CONTAINERS",
        ["VirtualSize"] = "SIZE",
        ["SharedSize"] = "SHARED SIZE",
        ["UniqueSize"] = "UNIQUE SIZE",
    };

    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;

    public ImageListRenderer(DateTimeOffset now, TimeZoneInfo zone)
    {
        _now = now;
        _zone = zone;
    }

    /// <summary>docker's NewImageFormat: "table" picks the default (quiet, digest) layout; a custom table gains the digest column.</summary>
    public static string ResolveFormat(string? format, bool quiet, bool digests)
    {
        if (string.IsNullOrEmpty(format) || format == "table")
        {
            return quiet ? QuietFormat : digests ? DigestTableFormat : DefaultTableFormat;
        }

        if (format == "raw")
        {
            return quiet
                ? "image_id: {{.ID}}"
                : digests
                    ? "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n"
                    : "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n";
        }

        if (FormatRenderer.IsTable(format) && digests && !format.Contains("{{.Digest}}", StringComparison.Ordinal))
        {
            return format + "\t{{.Digest}}";
        }

        return format;
    }

    public void Write(TextWriter output, IReadOnlyList<ImageSummary> images, string format, bool truncate, bool digests)
    {
        ArgumentNullException.ThrowIfNull(images);
        var rows = new List<object?>();
        foreach (var image in images)
        {
            if (IsDangling(image))
            {
                rows.Add(Row(image, "<none>", "<none>", "<none>", truncate));
                continue;
            }

            foreach (var (repository, tag, digest) in TaggedAndDigested(image, digests))
            {
                rows.Add(Row(image, repository, tag, digest, truncate));
            }
        }

        FormatRenderer.Render(output, format, DefaultTableFormat, rows, Headers);
    }

    /// <summary>docker's isDangling.</summary>
    public static bool IsDangling(ImageSummary image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return (image.RepoTags.Count == 0 && image.RepoDigests.Count == 0)
            || (image.RepoTags is ["<none>:<none>"] && image.RepoDigests is ["<none>@<none>"]);
    }

    /// <summary>docker's imageFormatTaggedAndDigest, with repositories in the order the daemon listed them (Go's map order is random).</summary>
    public static IReadOnlyList<(string Repository, string Tag, string Digest)> TaggedAndDigested(ImageSummary image, bool showDigests)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tags = new List<KeyValuePair<string, List<string>>>();
        var digests = new List<KeyValuePair<string, List<string>>>();
        foreach (var reference in image.RepoTags)
        {
            var (name, tag, digest) = ImageNames.Split(reference);
            if (tag is not null && digest is null)
            {
                Add(tags, ImageNames.Familiar(name), tag);
            }
        }

        foreach (var reference in image.RepoDigests)
        {
            var (name, _, digest) = ImageNames.Split(reference);
            if (digest is not null)
            {
                Add(digests, ImageNames.Familiar(name), digest);
            }
        }

        var rows = new List<(string, string, string)>();
        foreach (var (repository, repositoryTags) in tags)
        {
            var index = digests.FindIndex(d => d.Key == repository);
            var repositoryDigests = index >= 0 ? digests[index].Value : [];
            if (index >= 0)
            {
                digests.RemoveAt(index);
            }

            foreach (var tag in repositoryTags)
            {
                if (!showDigests || repositoryDigests.Count == 0)
                {
                    rows.Add((repository, tag, "<none>"));
                    continue;
                }

                rows.AddRange(repositoryDigests.Select(digest => (repository, tag, digest)));
            }
        }

        foreach (var (repository, repositoryDigests) in digests)
        {
            if (showDigests)
            {
                rows.AddRange(repositoryDigests.Select(digest => (repository, "<none>", digest)));
            }
            else
            {
                rows.Add((repository, "<none>", ""));
            }
        }

        return rows;
    }

    private static void Add(List<KeyValuePair<string, List<string>>> map, string key, string value)
    {
        var index = map.FindIndex(pair => pair.Key == key);
        if (index < 0)
        {
            map.Add(new(key, [value]));
        }
        else
        {
            map[index].Value.Add(value);
        }
    }

    private FieldRow Row(ImageSummary image, string repository, string tag, string digest, bool truncate) => new FieldRow()
        .Set("ID", truncate ? IdFormat.Truncate(image.Id) : image.Id)
        .Set("Repository", repository)
        .Set("Tag", tag)
        .Set("Digest", digest)
        .Set("CreatedSince", HumanDuration.Ago(DateTimeOffset.FromUnixTimeSeconds(image.Created), _now))
        .Set("CreatedAt", GoTime.String(image.Created, _zone))
        .Set("Size", Units.HumanSizeWithPrecision(image.Size, 3))
        .Set("Containers", image.Containers == -1 ? "N/A" : image.Containers.ToString(CultureInfo.InvariantCulture))
        .Set("VirtualSize", Units.HumanSize(image.Size))
        .Set("SharedSize", image.SharedSize == -1 ? "N/A" : Units.HumanSize(image.SharedSize))
        .Set("UniqueSize", image.Size == -1 || image.SharedSize == -1 ? "N/A" : Units.HumanSize(image.Size - image.SharedSize));
}
