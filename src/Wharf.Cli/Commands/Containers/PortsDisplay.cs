using System.Globalization;
using Wharf.Api;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// docker's formatter.DisplayablePorts for the PORTS column: consecutive ports of a protocol (and address) collapse
/// into ranges ("443-445/tcp", "127.0.0.1:53-54->53-54/udp"); ports published on another host port follow one by one.
/// </summary>
public static class PortsDisplay
{
    public static string Format(IEnumerable<ContainerPort> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var sorted = ports.OrderBy(p => p.PrivatePort).ThenBy(p => p.IP ?? "", StringComparer.Ordinal).ThenBy(p => p.PublicPort ?? 0).ThenBy(p => p.Type, StringComparer.Ordinal).ToList();
        var groups = new Dictionary<string, (int First, int Last)>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var result = new List<string>();
        var hostMappings = new List<string>();
        foreach (var port in sorted)
        {
            var current = port.PrivatePort;
            var key = port.Type;
            if (!string.IsNullOrEmpty(port.IP))
            {
                var publicPort = port.PublicPort ?? 0;
                if (publicPort != current)
                {
                    hostMappings.Add(string.Create(CultureInfo.InvariantCulture, $"{JoinHostPort(port.IP, publicPort.ToString(CultureInfo.InvariantCulture))}->{port.PrivatePort}/{port.Type}"));
                    continue;
                }

                key = port.IP + "/" + port.Type;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = (current, current);
                groupOrder.Add(key);
                continue;
            }

            if (current == group.Last + 1)
            {
                groups[key] = (group.First, current);
                continue;
            }

            result.Add(FormGroup(key, group.First, group.Last));
            groups[key] = (current, current);
        }

        result.AddRange(groupOrder.Select(key => FormGroup(key, groups[key].First, groups[key].Last)));
        result.AddRange(hostMappings);
        return string.Join(", ", result);
    }

    /// <summary>Go's net.JoinHostPort: IPv6 addresses in brackets.</summary>
    public static string JoinHostPort(string host, string port)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
    }

    private static string FormGroup(string key, int first, int last)
    {
        var slash = key.LastIndexOf('/');
        var ip = slash >= 0 ? key[..slash] : "";
        var type = slash >= 0 ? key[(slash + 1)..] : key;
        var group = first == last
            ? first.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{first}-{last}");
        if (ip.Length > 0)
        {
            group = JoinHostPort(ip, group) + "->" + group;
        }

        return group + "/" + type;
    }
}
