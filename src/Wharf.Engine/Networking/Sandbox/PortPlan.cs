using System.Globalization;
using System.Net;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Networking.Sandbox;

/// <summary>
/// From HostConfig.PortBindings, -P and the exposed ports to the ports to reserve, and back from what was published to
/// inspect's <c>NetworkSettings.Ports</c> and ps' port list, as dockerd shapes them.
/// </summary>
internal static class PortPlan
{
    /// <summary>The requests for a start: every binding, plus an ephemeral port per exposed port without one under -P.</summary>
    public static IReadOnlyList<PortRequest> Requests(ContainerConfig config, HostConfig hostConfig)
    {
        var requests = new List<PortRequest>();
        var bindings = hostConfig.PortBindings ?? [];
        foreach (var (key, list) in bindings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (port, protocol) = ParseKey(key);
            if (list is null || list.Count == 0)
            {
                if (hostConfig.PublishAllPorts)
                {
                    requests.Add(new PortRequest(protocol, null, 0, 0, port));
                }

                continue;
            }

            foreach (var binding in list)
            {
                var (start, end) = ParseHostPorts(binding.HostPort);
                requests.Add(new PortRequest(protocol, ParseHostIp(binding.HostIp), start, end, port));
            }
        }

        if (hostConfig.PublishAllPorts)
        {
            foreach (var key in (config.ExposedPorts?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
            {
                if (!bindings.ContainsKey(key))
                {
                    var (port, protocol) = ParseKey(key);
                    requests.Add(new PortRequest(protocol, null, 0, 0, port));
                }
            }
        }

        return requests;
    }

    /// <summary>inspect's Ports: every exposed or bound port; null for one that is not published (or a container that does not run).</summary>
    public static Dictionary<string, IReadOnlyList<PortBinding>?> Settings(ContainerConfig config, HostConfig hostConfig, IReadOnlyList<PublishedPort> published)
    {
        var ports = new Dictionary<string, IReadOnlyList<PortBinding>?>(StringComparer.Ordinal);
        foreach (var key in config.ExposedPorts?.Keys ?? Enumerable.Empty<string>())
        {
            ports[Normalise(key)] = null;
        }

        foreach (var key in hostConfig.PortBindings?.Keys ?? Enumerable.Empty<string>())
        {
            ports[Normalise(key)] = null;
        }

        foreach (var port in published)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{port.ContainerPort}/{port.Protocol}");
            var list = ports.TryGetValue(key, out var existing) && existing is not null ? existing.ToList() : [];
            list.Add(new PortBinding
            {
                HostIp = port.HostIp is null ? "0.0.0.0" : port.HostIp.ToString(),
                HostPort = port.HostPort.ToString(CultureInfo.InvariantCulture),
            });
            ports[key] = list;
        }

        return ports;
    }

    /// <summary>The published ports recorded in inspect's Ports (to reserve them again after a daemon restart).</summary>
    public static IReadOnlyList<PublishedPort> FromSettings(Dictionary<string, IReadOnlyList<PortBinding>?>? ports, IPAddress containerIp)
    {
        var published = new List<PublishedPort>();
        foreach (var (key, bindings) in ports ?? [])
        {
            var (port, protocol) = ParseKey(key);
            foreach (var binding in bindings ?? [])
            {
                if (int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort))
                {
                    published.Add(new PublishedPort(protocol, ParseHostIp(binding.HostIp), hostPort, containerIp, port));
                }
            }
        }

        return published;
    }

    /// <summary>ps' port list, sorted like dockerd's.</summary>
    public static List<ContainerPort> Summary(Dictionary<string, IReadOnlyList<PortBinding>?>? ports)
    {
        var list = new List<ContainerPort>();
        foreach (var (key, bindings) in ports ?? [])
        {
            var (port, protocol) = ParseKey(key);
            if (bindings is null || bindings.Count == 0)
            {
                list.Add(new ContainerPort { PrivatePort = port, Type = protocol });
                continue;
            }

            foreach (var binding in bindings)
            {
                list.Add(new ContainerPort
                {
                    IP = binding.HostIp,
                    PrivatePort = port,
                    PublicPort = int.Parse(binding.HostPort, CultureInfo.InvariantCulture),
                    Type = protocol,
                });
            }
        }

        return list;
    }

    public static (int Port, string Protocol) ParseKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var number = slash < 0 ? key : key[..slash];
        var protocol = slash < 0 ? "tcp" : key[(slash + 1)..].ToLowerInvariant();
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw EngineException.InvalidParameter($"invalid port specification: \"{key}\"");
        }

        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw EngineException.InvalidParameter($"invalid proto: {protocol}");
        }

        return (port, protocol);
    }

    /// <summary>Checks a create request's bindings the way dockerd's nat package does.</summary>
    public static void Validate(HostConfig hostConfig)
    {
        foreach (var (key, list) in hostConfig.PortBindings ?? [])
        {
            ParseKey(key);
            foreach (var binding in list ?? [])
            {
                ParseHostPorts(binding.HostPort);
                ParseHostIp(binding.HostIp);
            }
        }
    }

    private static string Normalise(string key)
    {
        var (port, protocol) = ParseKey(key);
        return string.Create(CultureInfo.InvariantCulture, $"{port}/{protocol}");
    }

    private static (int Start, int End) ParseHostPorts(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (0, 0);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var startText = dash < 0 ? text : text[..dash];
        var endText = dash < 0 ? text : text[(dash + 1)..];
        if (!int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start > 65535
            || !int.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end > 65535)
        {
            throw EngineException.InvalidParameter($"invalid hostPort: {text}");
        }

        if (end < start)
        {
            throw EngineException.InvalidParameter($"invalid range specified for the Hostport: {text}");
        }

        return (start, end);
    }

    private static IPAddress? ParseHostIp(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var trimmed = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        if (!IPAddress.TryParse(trimmed, out var address))
        {
            throw EngineException.InvalidParameter($"invalid IP address: {text}");
        }

        return address.Equals(IPAddress.Any) ? null : address;
    }
}
