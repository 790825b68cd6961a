using System.Globalization;
using System.Text;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Containers.Stats;

/// <summary>docker's statsContext columns, and the redraw frame docker 28 writes each half second.</summary>
public static class StatsRenderer
{
    public const string DefaultTableFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Container"] = "CONTAINER",
        ["Name"] = "NAME",
        ["ID"] = "CONTAINER ID",
        ["CPUPerc"] = "CPU %",
        ["MemUsage"] = "MEM USAGE / LIMIT",
        ["MemPerc"] = "MEM %",
        ["NetIO"] = "NET I/O",
        ["BlockIO"] = "BLOCK I/O",
        ["PIDs"] = "PIDS",
    };

    public static string Render(IReadOnlyList<StatsEntry> entries, string? format, bool truncate)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        FormatRenderer.Render(writer, string.IsNullOrEmpty(format) ? "table" : format, DefaultTableFormat, entries.Select(entry => (object?)Row(entry, truncate)), Headers);
        return writer.ToString();
    }

    /// <summary>
    /// docker 28's streaming frame, byte for byte: cursor home and the table, then the same text again line by line,
    /// each line ending in " ESC[K" (erase to end of line), then ESC[J (erase below) for containers that went away.
    /// </summary>
    public static string Frame(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var frame = new StringBuilder("\u001b[H").Append(table);
        foreach (var line in frame.ToString().Split('\n'))
        {
            frame.Append(line).Append(" \u001b[K\n");
        }

        return frame.Append("\u001b[J").ToString();
    }

    private static FieldRow Row(StatsEntry entry, bool truncate) => new FieldRow()
        .Set("Container", entry.Container)
        .Set("Name", entry.Name.Length > 1 ? entry.Name[1..] : "--")
        .Set("ID", truncate ? IdFormat.Truncate(entry.Id) : entry.Id)
        .Set("CPUPerc", entry.IsInvalid ? "--" : Percentage(entry.CpuPercentage))
        .Set("MemUsage", entry.IsInvalid ? "-- / --" : Units.BytesSize(entry.Memory) + " / " + Units.BytesSize(entry.MemoryLimit))
        .Set("MemPerc", entry.IsInvalid ? "--" : Percentage(entry.MemoryPercentage))
        .Set("NetIO", entry.IsInvalid ? "--" : Units.HumanSizeWithPrecision(entry.NetworkRx, 3) + " / " + Units.HumanSizeWithPrecision(entry.NetworkTx, 3))
        .Set("BlockIO", entry.IsInvalid ? "--" : Units.HumanSizeWithPrecision(entry.BlockRead, 3) + " / " + Units.HumanSizeWithPrecision(entry.BlockWrite, 3))
        .Set("PIDs", entry.IsInvalid ? "--" : entry.PidsCurrent.ToString(CultureInfo.InvariantCulture));

    private static string Percentage(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "%";
}
