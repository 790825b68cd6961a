using System.Globalization;
using System.Text;
using Wharf.Api.Time;
using Wharf.Api;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Images;

/// <summary>docker/cli's historyContext (cli/command/image/formatter_history.go).</summary>
public sealed class HistoryRenderer
{
    public const string DefaultTableFormat = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    public const string NonHumanTableFormat = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ID"] = "IMAGE",
        ["CreatedSince"] = "CREATED",
        ["CreatedAt"] = "CREATED AT",
        ["CreatedBy"] = "CREATED BY",
        ["Size"] = "SIZE",
        ["Comment"] = "COMMENT",
    };

    /// <summary>Dates up to this are "N/A" in human mode (docker's <c>epoch</c>: 2000-01-01).</summary>
    private const long Epoch = 946684800;

    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;

    public HistoryRenderer(DateTimeOffset now, TimeZoneInfo zone)
    {
        _now = now;
        _zone = zone;
    }

    /// <summary>docker's NewHistoryFormat.</summary>
    public static string ResolveFormat(string? format, bool quiet, bool human)
    {
        if (string.IsNullOrEmpty(format) || format == "table")
        {
            return quiet ? "{{.ID}}" : human ? DefaultTableFormat : NonHumanTableFormat;
        }

        return format;
    }

    public void Write(TextWriter output, IReadOnlyList<ImageHistoryItem> history, string format, bool truncate, bool human)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rows = history.Select(item => (object?)Row(item, truncate, human)).ToList();
        FormatRenderer.Render(output, format, DefaultTableFormat, rows, Headers);
    }

    /// <summary>docker's formatter.Ellipsis for ASCII text: cut to <paramref name="width"/> runes, the last one "…".</summary>
    public static string Ellipsis(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count <= width)
        {
            return text;
        }

        var builder = new StringBuilder();
        foreach (var rune in runes.Take(width - 1))
        {
            builder.Append(rune.ToString());
        }

        return builder.Append('…').ToString();
    }

    private FieldRow Row(ImageHistoryItem item, bool truncate, bool human)
    {
        var createdAt = GoTime.Rfc3339(item.Created, _zone);
        var createdSince = !human ? createdAt
            : item.Created <= Epoch ? "N/A"
            : HumanDuration.Ago(DateTimeOffset.FromUnixTimeSeconds(item.Created), _now);
        var createdBy = item.CreatedBy.Replace("\t", " ", StringComparison.Ordinal);
        return new FieldRow()
            .Set("ID", truncate ? IdFormat.Truncate(item.Id) : item.Id)
            .Set("CreatedAt", createdAt)
            .Set("CreatedSince", createdSince)
            .Set("CreatedBy", truncate ? Ellipsis(createdBy, 45) : createdBy)
            .Set("Size", human ? Units.HumanSizeWithPrecision(item.Size, 3) : item.Size.ToString(CultureInfo.InvariantCulture))
            .Set("Comment", item.Comment);
    }
}
