using System.Globalization;
using Wharf.Api.Time;
using Wharf.Api;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.System;

/// <summary>docker/cli's formatter.DiskUsageContext (v28): the summary rows and the verbose per-object sections.</summary>
public sealed class DiskUsageRenderer
{
    public const string SummaryTableFormat = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
    public const string ImageTableFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
    public const string ContainerTableFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
    public const string VolumeTableFormat = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
    public const string BuildCacheTableFormat = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";

    private static readonly Dictionary<string, string> SummaryHeaders = new()
    {
        ["Type"] = "TYPE",
        ["TotalCount"] = "TOTAL",
        ["Active"] = "ACTIVE",
        ["Size"] = "SIZE",
        ["Reclaimable"] = "RECLAIMABLE",
    };

    private static readonly Dictionary<string, string> ImageHeaders = new()
    {
        ["Repository"] = "REPOSITORY",
        ["Tag"] = "TAG",
        ["ID"] = "IMAGE ID",
        ["CreatedSince"] = "CREATED",
        ["Size"] = "SIZE",
        ["SharedSize"] = "SHARED SIZE",
        ["UniqueSize"] = "UNIQUE SIZE",
        ["Containers"] = "CONTAINERS",
    };

    private static readonly Dictionary<string, string> ContainerHeaders = new()
    {
        ["ID"] = "CONTAINER ID",
        ["Image"] = "IMAGE",
        ["Command"] = "COMMAND",
        ["LocalVolumes"] = "LOCAL VOLUMES",
        ["Size"] = "SIZE",
        ["RunningFor"] = "CREATED",
        ["Status"] = "STATUS",
        ["Names"] = "NAMES",
    };

    private static readonly Dictionary<string, string> VolumeHeaders = new()
    {
        ["Name"] = "VOLUME NAME",
        ["Links"] = "LINKS",
        ["Size"] = "SIZE",
    };

    private static readonly Dictionary<string, string> BuildCacheHeaders = new()
    {
        ["ID"] = "CACHE ID",
        ["CacheType"] = "CACHE TYPE",
        ["Size"] = "SIZE",
        ["CreatedSince"] = "CREATED",
        ["LastUsedSince"] = "LAST USED",
        ["UsageCount"] = "USAGE",
        ["Shared"] = "SHARED",
    };

    private readonly DateTimeOffset _now;

    public DiskUsageRenderer(DateTimeOffset now)
    {
        _now = now;
    }

    public void WriteSummary(TextWriter output, SystemDataUsage usage, string? format)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var builderSize = usage.BuildCache.Where(c => !c.Shared).Sum(c => c.Size);
        List<object?> rows =
        [
            ImagesRow(usage),
            ContainersRow(usage.Containers),
            VolumesRow(usage.Volumes),
            BuildCacheRow(usage.BuildCache, builderSize),
        ];
        FormatRenderer.Render(output, string.IsNullOrEmpty(format) ? "table" : format, SummaryTableFormat, rows, SummaryHeaders);
    }

    public void WriteVerbose(TextWriter output, SystemDataUsage usage, string? format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(usage);
        var images = usage.Images.Select(ImageRow).ToList();
        var containers = usage.Containers.Select(ContainerRow).ToList();
        var volumes = usage.Volumes.Select(VolumeRow).ToList();
        var buildCache = usage.BuildCache
            .OrderByDescending(c => c.LastUsedAt ?? c.CreatedAt, StringComparer.Ordinal)
            .Select(BuildCacheItemRow)
            .ToList();

        if (!string.IsNullOrEmpty(format) && format != "table")
        {
            var data = new FieldRow()
                .Set("Images", images)
                .Set("Containers", containers)
                .Set("Volumes", volumes)
                .Set("BuildCache", buildCache);
            GoTemplate.Parse(format == "json" ? "{{json .}}" : format).Execute(output, data);
            return;
        }

        output.Write("Images space usage:\n\n");
        FormatRenderer.Render(output, ImageTableFormat, ImageTableFormat, images, ImageHeaders);
        output.Write("\nContainers space usage:\n\n");
        FormatRenderer.Render(output, ContainerTableFormat, ContainerTableFormat, containers, ContainerHeaders);
        output.Write("\nLocal Volumes space usage:\n\n");
        FormatRenderer.Render(output, VolumeTableFormat, VolumeTableFormat, volumes, VolumeHeaders);
        var builderSize = usage.BuildCache.Where(c => !c.Shared).Sum(c => c.Size);
        output.Write($"\nBuild cache usage: {Units.HumanSize(builderSize)}\n\n");
        FormatRenderer.Render(output, BuildCacheTableFormat, BuildCacheTableFormat, buildCache, BuildCacheHeaders);
    }

    private static FieldRow Summary(string type, int total, int active, string size, string reclaimable) => new FieldRow()
        .Set("Type", type)
        .Set("TotalCount", Int(total))
        .Set("Active", Int(active))
        .Set("Size", size)
        .Set("Reclaimable", reclaimable);

    private static FieldRow ImagesRow(SystemDataUsage usage)
    {
        var used = usage.Images
            .Where(i => i.Containers != 0 && i.Size != -1 && i.SharedSize != -1)
            .Sum(i => i.Size - i.SharedSize);
        var total = usage.LayersSize;
        return Summary("Images", usage.Images.Count, usage.Images.Count(i => i.Containers > 0), Units.HumanSize(total), Reclaimable(total - used, total));
    }

    private static FieldRow ContainersRow(IReadOnlyList<ContainerSummary> containers)
    {
        var total = containers.Sum(c => c.SizeRw ?? 0);
        var reclaimable = containers.Where(c => !IsActive(c)).Sum(c => c.SizeRw ?? 0);
        return Summary("Containers", containers.Count, containers.Count(IsActive), Units.HumanSize(total), Reclaimable(reclaimable, total));
    }

    private static FieldRow VolumesRow(IReadOnlyList<Volume> volumes)
    {
        var sized = volumes.Where(v => v.UsageData is { Size: not -1 }).ToList();
        var total = sized.Sum(v => v.UsageData!.Size);
        var reclaimable = sized.Where(v => v.UsageData!.RefCount == 0).Sum(v => v.UsageData!.Size);
        return Summary("Local Volumes", volumes.Count, volumes.Count(v => v.UsageData is { RefCount: > 0 }), Units.HumanSize(total), Reclaimable(reclaimable, total));
    }

    private static FieldRow BuildCacheRow(IReadOnlyList<BuildCacheRecord> cache, long builderSize)
    {
        var inUse = cache.Where(c => c.InUse && !c.Shared).Sum(c => c.Size);
        return Summary("Build Cache", cache.Count, cache.Count(c => c.InUse), Units.HumanSize(builderSize), Units.HumanSize(builderSize - inUse));
    }

    /// <summary>"1.2GB (45%)" with Go's integer percentage, or just the size when there is nothing at all.</summary>
    private static string Reclaimable(long reclaimable, long total) =>
        total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Units.HumanSize(reclaimable)} ({reclaimable * 100 / total}%)")
            : Units.HumanSize(reclaimable);

    private static bool IsActive(ContainerSummary container) =>
        container.State.Contains("running", StringComparison.Ordinal)
        || container.State.Contains("paused", StringComparison.Ordinal)
        || container.State.Contains("restarting", StringComparison.Ordinal);

    private FieldRow ImageRow(ImageSummary image)
    {
        var (repository, tag) = ("<none>", "<none>");
        if (image.RepoTags.Count > 0 && image.RepoTags[0] != "<none>:<none>")
        {
            (repository, tag) = SplitReference(image.RepoTags[0]);
        }

        return new FieldRow()
            .Set("Repository", repository)
            .Set("Tag", tag)
            .Set("ID", IdFormat.Truncate(image.Id))
            .Set("CreatedSince", HumanDuration.Ago(DateTimeOffset.FromUnixTimeSeconds(image.Created), _now))
            .Set("Size", Units.HumanSizeWithPrecision(image.Size, 3))
            .Set("SharedSize", image.SharedSize == -1 ? "N/A" : Units.HumanSize(image.SharedSize))
            .Set("UniqueSize", image.Size == -1 || image.SharedSize == -1 ? "N/A" : Units.HumanSize(image.Size - image.SharedSize))
            .Set("Containers", image.Containers == -1 ? "N/A" : Int(image.Containers));
    }

    private FieldRow ContainerRow(ContainerSummary container)
    {
        var command = container.Command.Length > 20 ? container.Command[..19] + "…" : container.Command;
        return new FieldRow()
            .Set("ID", IdFormat.Truncate(container.Id))
            .Set("Image", container.Image)
            .Set("Command", "\"" + command.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")
            .Set("LocalVolumes", "0")
            .Set("Size", Units.HumanSizeWithPrecision(container.SizeRw ?? 0, 3))
            .Set("RunningFor", HumanDuration.Ago(DateTimeOffset.FromUnixTimeSeconds(container.Created), _now))
            .Set("Status", container.Status)
            .Set("Names", string.Join(',', container.Names.Select(n => n.TrimStart('/'))));
    }

    private static FieldRow VolumeRow(Volume volume) => new FieldRow()
        .Set("Name", volume.Name)
        .Set("Links", volume.UsageData is { } data ? Int(data.RefCount) : "N/A")
        .Set("Size", volume.UsageData is { Size: not -1 } sized ? Units.HumanSize(sized.Size) : "N/A");

    private FieldRow BuildCacheItemRow(BuildCacheRecord record) => new FieldRow()
        .Set("ID", IdFormat.Truncate(record.ID) + (record.InUse ? "*" : ""))
        .Set("CacheType", record.Type)
        .Set("Size", Units.HumanSizeWithPrecision(record.Size, 3))
        .Set("CreatedSince", Since(record.CreatedAt))
        .Set("LastUsedSince", record.LastUsedAt is null ? "" : Since(record.LastUsedAt))
        .Set("UsageCount", Int(record.UsageCount))
        .Set("Shared", record.Shared ? "true" : "false");

    private string Since(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? HumanDuration.Ago(time, _now)
            : "";

    /// <summary>"docker.io/library/nginx:1.27" → ("nginx", "1.27"): docker shows familiar names.</summary>
    private static (string Repository, string Tag) SplitReference(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        var (name, tag) = colon > slash ? (reference[..colon], reference[(colon + 1)..]) : (reference, "<none>");
        if (name.StartsWith("docker.io/library/", StringComparison.Ordinal))
        {
            name = name["docker.io/library/".Length..];
        }
        else if (name.StartsWith("docker.io/", StringComparison.Ordinal))
        {
            name = name["docker.io/".Length..];
        }

        return (name, tag);
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
