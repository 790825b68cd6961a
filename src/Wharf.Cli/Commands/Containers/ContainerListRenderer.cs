using System.Globalization;
using Wharf.Api.Time;
using Wharf.Api;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Containers;

/// <summary>docker/cli's formatter.ContainerContext (v28): the columns of <c>wharf ps</c> and their truncation rules.</summary>
public sealed class ContainerListRenderer
{
    public const string DefaultTableFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    public const string QuietFormat = "{{.ID}}";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ID"] = "CONTAINER ID",
        ["Names"] = "NAMES",
        ["Image"] = "IMAGE",
        ["Command"] = "COMMAND",
        ["CreatedAt"] = "CREATED AT",
        ["RunningFor"] = "CREATED",
        ["Ports"] = "PORTS",
        ["State"] = "STATE",
        ["Status"] = "STATUS",
        ["Size"] = "SIZE",
        ["Labels"] = "LABELS",
        ["Mounts"] = "MOUNTS",
        ["LocalVolumes"] = "LOCAL VOLUMES",
        ["Networks"] = "NETWORKS",
        ["Platform"] = "PLATFORM",
    };

    /// <summary>strconv.Quote through the template engine's own implementation, so the two never disagree.</summary>
    private static readonly GoTemplate Quote = GoTemplate.Parse("{{printf \"%q\" .}}");

    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;

    public ContainerListRenderer(DateTimeOffset now, TimeZoneInfo zone)
    {
        _now = now;
        _zone = zone;
    }

    /// <summary>docker's NewContainerFormat.</summary>
    public static string ResolveFormat(string? format, bool quiet, bool size)
    {
        if (string.IsNullOrEmpty(format) || format == "table")
        {
            return quiet ? QuietFormat : size ? DefaultTableFormat + "\t{{.Size}}" : DefaultTableFormat;
        }

        if (format == "raw")
        {
            if (quiet)
            {
                return "container_id: {{.ID}}";
            }

            var raw = "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n";
            return size ? raw + "size: {{.Size}}\\n" : raw;
        }

        return quiet ? QuietFormat : format;
    }

    /// <summary>
    /// docker parses the template and runs it once on an empty row before listing: a bad template fails early, and a
    /// template that shows <c>.Size</c> makes the list request ask for sizes. Returns whether <c>.Size</c> is used.
    /// </summary>
    public static bool ProbeTemplate(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var template = GoTemplate.Parse(format);
        template.Execute(TextWriter.Null, new ContainerRow(EmptyRow(), new Dictionary<string, string>(), used));
        return used.Contains("Size");
    }

    public void Write(TextWriter output, IReadOnlyList<ContainerSummary> containers, string format, bool truncate)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var rows = containers.Select(container => (object?)new ContainerRow(Row(container, truncate), container.Labels ?? [])).ToList();
        FormatRenderer.Render(output, format, DefaultTableFormat, rows, Headers);
    }

    private FieldRow Row(ContainerSummary container, bool truncate)
    {
        var labels = container.Labels ?? [];
        var mounts = (container.Mounts ?? []).Select(m =>
        {
            var name = string.IsNullOrEmpty(m.Name) ? m.Source : m.Name;
            return truncate ? HistoryRenderer.Ellipsis(name, 15) : name;
        });
        var command = truncate ? HistoryRenderer.Ellipsis(container.Command, 20) : container.Command;
        var size = Units.HumanSizeWithPrecision(container.SizeRw ?? 0, 3);
        if (container.SizeRootFs is > 0)
        {
            size += " (virtual " + Units.HumanSizeWithPrecision(container.SizeRootFs.Value, 3) + ")";
        }

        return new FieldRow()
            .Set("ID", truncate ? IdFormat.Truncate(container.Id) : container.Id)
            .Set("Names", Names(container.Names ?? [], truncate))
            .Set("Image", Image(container, truncate))
            .Set("Command", Quote.Execute(command))
            .Set("CreatedAt", GoTime.String(container.Created, _zone))
            .Set("RunningFor", HumanDuration.Ago(DateTimeOffset.FromUnixTimeSeconds(container.Created), _now))
            .Set("Ports", PortsDisplay.Format(container.Ports ?? []))
            .Set("State", container.State)
            .Set("Status", container.Status)
            .Set("Size", size)
            .Set("Labels", string.Join(',', labels.Select(pair => pair.Key + "=" + pair.Value).Order(StringComparer.Ordinal)))
            .Set("Mounts", string.Join(',', mounts))
            .Set("LocalVolumes", (container.Mounts ?? []).Count(m => m.Driver == "local").ToString(CultureInfo.InvariantCulture))
            .Set("Networks", string.Join(',', (container.NetworkSettings?.Networks ?? []).Keys.Order(StringComparer.Ordinal)))
            .Set("Platform", null);
    }

    /// <summary>Truncated output shows one name: the first that is not a legacy link ("/other/alias").</summary>
    private static string Names(IReadOnlyList<string> names, bool truncate)
    {
        var trimmed = names.Select(name => name.TrimStart('/')).ToList();
        return truncate ? trimmed.FirstOrDefault(name => !name.Contains('/', StringComparison.Ordinal)) ?? "" : string.Join(',', trimmed);
    }

    /// <summary>docker's ContainerContext.Image: an image ID shows truncated, a name in its familiar form without digest.</summary>
    private static string Image(ContainerSummary container, bool truncate)
    {
        if (string.IsNullOrEmpty(container.Image))
        {
            return "<no image>";
        }

        if (!truncate)
        {
            return container.Image;
        }

        var truncatedId = IdFormat.Truncate(container.ImageID ?? "");
        if (truncatedId == IdFormat.Truncate(container.Image))
        {
            return truncatedId;
        }

        var (name, tag, _) = ImageNames.Split(container.Image);
        return ImageNames.Familiar(name) + (tag is null ? "" : ":" + tag);
    }

    private static FieldRow EmptyRow()
    {
        var row = new FieldRow();
        foreach (var field in Headers.Keys)
        {
            row.Set(field, "");
        }

        return row;
    }
}
