using System.Globalization;
using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// go-connections/nat's ParsePortSpecs and ParsePortRange as docker's <c>-p</c>/<c>--expose</c> use them, plus
/// docker/cli's convertToStandardNotation for the long form (<c>published=8080,target=80,protocol=udp</c>).
/// </summary>
public static class PortSpecs
{
    /// <summary>Adds each <c>-p</c> value's exposed ports and bindings (in the order given, bindings per port appended).</summary>
    public static void Parse(IEnumerable<string> publish, SortedDictionary<string, EmptyObject> exposed, SortedDictionary<string, IReadOnlyList<PortBinding>?> bindings)
    {
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(exposed);
        ArgumentNullException.ThrowIfNull(bindings);
        foreach (var raw in publish.Select(ToStandardNotation))
        {
            foreach (var (port, binding) in ParseSpec(raw))
            {
                exposed[port] = new EmptyObject();
                var list = bindings.TryGetValue(port, out var existing) && existing is not null ? existing.ToList() : [];
                list.Add(binding);
                bindings[port] = list;
            }
        }
    }

    /// <summary><c>--expose 80</c>, <c>--expose 7000-7010/udp</c>: every port of the range.</summary>
    public static void Expose(IEnumerable<string> expose, SortedDictionary<string, EmptyObject> exposed)
    {
        ArgumentNullException.ThrowIfNull(expose);
        ArgumentNullException.ThrowIfNull(exposed);
        foreach (var value in expose)
        {
            if (value.Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException("invalid port format for --expose: " + value);
            }

            var (protocol, port) = SplitProtocol(value);
            ulong start;
            ulong end;
            try
            {
                (start, end) = ParseRange(port);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"invalid range format for --expose: {value}, error: {ex.Message}");
            }

            for (var i = start; i <= end; i++)
            {
                exposed[i.ToString(CultureInfo.InvariantCulture) + "/" + protocol] = new EmptyObject();
            }
        }
    }

    /// <summary>nat.ParsePortRange: <c>80</c> or <c>80-90</c>, each a 16-bit number.</summary>
    public static (ulong Start, ulong End) ParseRange(string ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        if (ports.Length == 0)
        {
            throw new FormatException("empty string specified for ports");
        }

        if (!ports.Contains('-', StringComparison.Ordinal))
        {
            var single = ParsePort(ports);
            return (single, single);
        }

        var parts = ports.Split('-');
        var start = ParsePort(parts[0]);
        var end = ParsePort(parts[1]);
        if (end < start)
        {
            throw new FormatException("invalid range specified for port: " + ports);
        }

        return (start, end);
    }

    /// <summary>nat.SplitProtoPort: "80/udp" → ("udp", "80"); no protocol means tcp.</summary>
    public static (string Protocol, string Port) SplitProtocol(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var parts = raw.Split('/');
        if (raw.Length == 0 || parts[0].Length == 0)
        {
            return ("", "");
        }

        if (parts.Length == 1 || parts[1].Length == 0)
        {
            return ("tcp", parts[0]);
        }

        return (parts[1], parts[0]);
    }

    private static string ToStandardNotation(string publish)
    {
        if (!publish.Contains('=', StringComparison.Ordinal))
        {
            return publish;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["protocol"] = "tcp" };
        foreach (var parameter in publish.Split(','))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"invalid publish opts format (should be name=value but got '{parameter}')");
            }

            parameters[parameter[..equals]] = parameter[(equals + 1)..];
        }

        return $"{parameters.GetValueOrDefault("published")}:{parameters.GetValueOrDefault("target")}/{parameters["protocol"]}";
    }

    private static List<(string Port, PortBinding Binding)> ParseSpec(string raw)
    {
        var parts = raw.Split(':');
        var containerPart = parts[^1];
        var (ip, hostPort) = parts.Length switch
        {
            1 => ("", ""),
            2 => ("", parts[0]),
            3 => (parts[0], parts[1]),
            _ => (string.Join(':', parts[..^2]), parts[^2]),
        };

        var (protocol, containerPort) = SplitProtocol(containerPart);
        if (ip.Length > 0 && ip[0] == '[')
        {
            var close = ip.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close != ip.Length - 1)
            {
                throw new FormatException($"invalid IP address {ip}: address {ip}:: missing ']' in address");
            }

            ip = ip[1..close];
        }

        if (ip.Length > 0 && !GoIp.TryParse(ip, out _))
        {
            throw new FormatException("invalid IP address: " + ip);
        }

        if (containerPort.Length == 0)
        {
            throw new FormatException($"no port specified: {raw}<empty>");
        }

        ulong start;
        ulong end;
        try
        {
            (start, end) = ParseRange(containerPort);
        }
        catch (FormatException)
        {
            throw new FormatException("invalid containerPort: " + containerPort);
        }

        ulong hostStart = 0;
        ulong hostEnd = 0;
        if (hostPort.Length > 0)
        {
            try
            {
                (hostStart, hostEnd) = ParseRange(hostPort);
            }
            catch (FormatException)
            {
                throw new FormatException("invalid hostPort: " + hostPort);
            }
        }

        // A host range is allowed with a single container port: the daemon picks a free port from it.
        if (hostPort.Length > 0 && end - start != hostEnd - hostStart && end != start)
        {
            throw new FormatException($"invalid ranges specified for container and host Ports: {containerPort} and {hostPort}");
        }

        protocol = protocol.ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw new FormatException("invalid proto: " + protocol);
        }

        var result = new List<(string, PortBinding)>();
        for (ulong i = 0; i <= end - start; i++)
        {
            var binding = hostPort;
            if (hostPort.Length > 0)
            {
                binding = (hostStart + i).ToString(CultureInfo.InvariantCulture);
            }

            if (start == end && hostStart != hostEnd)
            {
                binding = binding + "-" + hostEnd.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(((start + i).ToString(CultureInfo.InvariantCulture) + "/" + protocol, new PortBinding { HostIp = ip, HostPort = binding }));
        }

        return result;
    }

    private static ulong ParsePort(string text) =>
        GoParse.TryParseDecimalUint(text, 16, out var value) ? value : throw new FormatException(GoParse.DecimalUintError(text, 16));
}
