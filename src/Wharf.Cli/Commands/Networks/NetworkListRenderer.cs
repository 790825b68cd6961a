using Wharf.Api;
using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Networks;

/// <summary>docker/cli's network formatter (v28): the columns of <c>wharf network ls</c>, names in natural order.</summary>
public static class NetworkListRenderer
{
    public const string DefaultTableFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
    public const string QuietFormat = "{{.ID}}";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ID"] = "NETWORK ID",
        ["Name"] = "NAME",
        ["Driver"] = "DRIVER",
        ["Scope"] = "SCOPE",
        ["IPv4"] = "IPV4",
        ["IPv6"] = "IPV6",
        ["Internal"] = "INTERNAL",
        ["Labels"] = "LABELS",
        ["CreatedAt"] = "CREATED AT",
    };

    /// <summary>docker's network NewFormat: quiet changes only the table and raw layouts, never a custom template.</summary>
    public static string ResolveFormat(string? format, bool quiet)
    {
        if (string.IsNullOrEmpty(format) || format == "table")
        {
            return quiet ? QuietFormat : DefaultTableFormat;
        }

        if (format == "raw")
        {
            return quiet ? "network_id: {{.ID}}" : "network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n";
        }

        return format;
    }

    /// <summary>Throws <see cref="TemplateException"/> for a bad template, before anything is written.</summary>
    public static void Write(TextWriter output, IEnumerable<NetworkResource> networks, string format, bool truncate)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var rows = networks
            .OrderBy(network => network.Name, Comparer<string>.Create(NaturalOrder.Compare))
            .Select(network => (object?)new ContainerRow(Row(network, truncate), network.Labels ?? []))
            .ToList();
        FormatRenderer.Render(output, format, DefaultTableFormat, rows, Headers);
    }

    private static FieldRow Row(NetworkResource network, bool truncate) => new FieldRow()
        .Set("ID", truncate ? IdFormat.Truncate(network.Id) : network.Id)
        .Set("Name", network.Name)
        .Set("Driver", network.Driver)
        .Set("Scope", network.Scope)
        .Set("IPv4", network.EnableIPv4 ? "true" : "false")
        .Set("IPv6", network.EnableIPv6 ? "true" : "false")
        .Set("Internal", network.Internal ? "true" : "false")

        // Go ranges over the label map in random order; the daemon's order is as good and stays put.
        .Set("Labels", string.Join(',', (network.Labels ?? []).Select(pair => pair.Key + "=" + pair.Value)))
        .Set("CreatedAt", GoTimeString.FromRfc3339(network.Created));
}
