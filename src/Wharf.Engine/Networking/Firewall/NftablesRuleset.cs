using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Networking.Firewall;

/// <summary>
/// The nft text of wharf's table. The base chains never change after <see cref="Table"/>: each network adds its own
/// regular chains, reached through verdict maps keyed by interface name, and each published port is one element of a
/// DNAT map, so adding or removing a network or a container's ports is a handful of element and chain commands that
/// do not touch anything else (no rule handles to remember).
/// </summary>
/// <remarks>
/// Chains per bridge X: <c>fin-X</c> (forward, packets from X), <c>fout-X</c> (forward, packets into X),
/// <c>pin-X</c> (postrouting, from X: outbound masquerade), <c>pout-X</c> (postrouting, into X: hairpin and 127.0.0.1).
/// </remarks>
internal static class NftablesRuleset
{
    private const string Indent = "\t";

    /// <summary>The whole table, replacing any previous one atomically (create-if-missing, delete, define).</summary>
    public static string Table(string table, IReadOnlyList<FirewallNetwork> networks, IEnumerable<PortElement> ports)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"table inet {table}\n");
        text.Append(CultureInfo.InvariantCulture, $"delete table inet {table}\n");
        text.Append(CultureInfo.InvariantCulture, $"table inet {table} {{\n");
        text.Append(Indent).Append("set bridges { type ifname; }\n");
        foreach (var map in new[] { "fwd_in", "fwd_out", "post_in", "post_out" })
        {
            text.Append(Indent).Append(CultureInfo.InvariantCulture, $"map {map} {{ type ifname : verdict; }}\n");
        }

        text.Append(Indent).Append("map dnat4_any { type inet_proto . inet_service : ipv4_addr . inet_service; }\n");
        text.Append(Indent).Append("map dnat4_at { type ipv4_addr . inet_proto . inet_service : ipv4_addr . inet_service; }\n");
        text.Append(Indent).Append("map dnat6_any { type inet_proto . inet_service : ipv6_addr . inet_service; }\n");
        text.Append(Indent).Append("map dnat6_at { type ipv6_addr . inet_proto . inet_service : ipv6_addr . inet_service; }\n");

        // DNAT is terminal, so the first map with the packet's key wins; no key, no match, on to the next rule.
        text.Append(Indent).Append("chain ports {\n");
        text.Append(Indent).Append(Indent).Append("dnat ip to ip daddr . meta l4proto . th dport map @dnat4_at\n");
        text.Append(Indent).Append(Indent).Append("dnat ip to meta l4proto . th dport map @dnat4_any\n");
        text.Append(Indent).Append(Indent).Append("dnat ip6 to ip6 daddr . meta l4proto . th dport map @dnat6_at\n");
        text.Append(Indent).Append(Indent).Append("dnat ip6 to meta l4proto . th dport map @dnat6_any\n");
        text.Append(Indent).Append("}\n");

        // Prerouting catches other hosts and containers (hairpin); output catches the host's own processes, 127.0.0.1 included.
        text.Append(Indent).Append("chain prerouting {\n");
        text.Append(Indent).Append(Indent).Append("type nat hook prerouting priority dstnat; policy accept;\n");
        text.Append(Indent).Append(Indent).Append("fib daddr type local jump ports\n");
        text.Append(Indent).Append("}\n");
        text.Append(Indent).Append("chain output {\n");
        text.Append(Indent).Append(Indent).Append("type nat hook output priority -100; policy accept;\n");
        text.Append(Indent).Append(Indent).Append("fib daddr type local jump ports\n");
        text.Append(Indent).Append("}\n");
        text.Append(Indent).Append("chain postrouting {\n");
        text.Append(Indent).Append(Indent).Append("type nat hook postrouting priority srcnat; policy accept;\n");
        text.Append(Indent).Append(Indent).Append("oifname vmap @post_out\n");
        text.Append(Indent).Append(Indent).Append("iifname vmap @post_in\n");
        text.Append(Indent).Append("}\n");

        // Policy accept: an accept here only ends this table's say; other tables (Docker's, firewalld's) still decide.
        text.Append(Indent).Append("chain forward {\n");
        text.Append(Indent).Append(Indent).Append("type filter hook forward priority filter; policy accept;\n");
        text.Append(Indent).Append(Indent).Append("ct state established,related accept\n");
        text.Append(Indent).Append(Indent).Append("iifname vmap @fwd_in\n");
        text.Append(Indent).Append(Indent).Append("oifname vmap @fwd_out\n");
        text.Append(Indent).Append("}\n");
        text.Append("}\n");

        foreach (var network in networks)
        {
            AppendAddNetwork(text, table, network);
        }

        foreach (var port in ports)
        {
            AppendAddPort(text, table, port);
        }

        return text.ToString();
    }

    public static string DeleteTable(string table) =>
        string.Create(CultureInfo.InvariantCulture, $"table inet {table}\ndelete table inet {table}\n");

    /// <summary>Adds or replaces one network's chains (flushed and refilled) and its map and set elements.</summary>
    public static void AppendAddNetwork(StringBuilder text, string table, FirewallNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(network);
        var bridge = ValidBridgeName(network.BridgeName);
        var sameBridge = network.InterContainerCommunication ? "accept" : "drop";

        var fromBridge = new List<string> { $"oifname \"{bridge}\" {sameBridge}" };
        if (network.Internal)
        {
            fromBridge.Add("drop");
        }
        else
        {
            // A published port of a container on another network is reachable, as through the host (Docker's proxy).
            fromBridge.Add("ct status dnat accept");
            fromBridge.Add("oifname @bridges drop");
        }

        var intoBridge = new List<string>();
        if (network.Internal)
        {
            intoBridge.Add("drop");
        }

        var outbound = new List<string>();
        if (network.Masquerade && !network.Internal)
        {
            if (network.Subnet is { } subnet)
            {
                outbound.Add($"oifname != \"{bridge}\" ip saddr {subnet} masquerade");
            }

            if (network.SubnetV6 is { } subnetV6)
            {
                outbound.Add($"oifname != \"{bridge}\" ip6 saddr {subnetV6} masquerade");
            }
        }

        // Hairpin: a container reaching a published port of its own bridge must see the reply come from the host, not
        // straight from its neighbour; 127.0.0.1 sources cannot leave the host unless rewritten.
        var inbound = new List<string>
        {
            $"iifname \"{bridge}\" ct status dnat masquerade",
            "ip saddr 127.0.0.0/8 masquerade",
        };

        AppendChain(text, table, "fin-" + bridge, fromBridge);
        AppendChain(text, table, "fout-" + bridge, intoBridge);
        AppendChain(text, table, "pin-" + bridge, outbound);
        AppendChain(text, table, "pout-" + bridge, inbound);
        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} fwd_in {{ \"{bridge}\" : jump fin-{bridge} }}\n");
        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} fwd_out {{ \"{bridge}\" : jump fout-{bridge} }}\n");
        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} post_in {{ \"{bridge}\" : jump pin-{bridge} }}\n");
        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} post_out {{ \"{bridge}\" : jump pout-{bridge} }}\n");
        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} bridges {{ \"{bridge}\" }}\n");
    }

    /// <summary>
    /// Removes one network's chains and elements. Each is first made to exist (adding what exists is a no-op) so that
    /// the delete cannot fail on something already gone: nft 1.0.6 has no <c>destroy</c>.
    /// </summary>
    public static void AppendRemoveNetwork(StringBuilder text, string table, string bridgeName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bridge = ValidBridgeName(bridgeName);
        var chains = new[] { ("fwd_in", "fin-"), ("fwd_out", "fout-"), ("post_in", "pin-"), ("post_out", "pout-") };
        foreach (var (map, prefix) in chains)
        {
            text.Append(CultureInfo.InvariantCulture, $"add chain inet {table} {prefix}{bridge}\n");
            text.Append(CultureInfo.InvariantCulture, $"add element inet {table} {map} {{ \"{bridge}\" : jump {prefix}{bridge} }}\n");
            text.Append(CultureInfo.InvariantCulture, $"delete element inet {table} {map} {{ \"{bridge}\" }}\n");
            text.Append(CultureInfo.InvariantCulture, $"flush chain inet {table} {prefix}{bridge}\n");
            text.Append(CultureInfo.InvariantCulture, $"delete chain inet {table} {prefix}{bridge}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} bridges {{ \"{bridge}\" }}\n");
        text.Append(CultureInfo.InvariantCulture, $"delete element inet {table} bridges {{ \"{bridge}\" }}\n");
    }

    public static void AppendAddPort(StringBuilder text, string table, PortElement port)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(port);
        text.Append(CultureInfo.InvariantCulture, $"add element inet {table} {port.Map} {{ {port.Key} comment \"{port.ContainerId}\" : {port.Value} }}\n");
    }

    /// <summary>Deletes one DNAT element, adding it first so that a missing one is no error.</summary>
    public static void AppendRemovePort(StringBuilder text, string table, PortElement port)
    {
        AppendAddPort(text, table, port);
        text.Append(CultureInfo.InvariantCulture, $"delete element inet {table} {port.Map} {{ {port.Key} }}\n");
    }

    /// <summary>The DNAT map element for a published port, or null when the host address and the container's are of different families (no NAT between them).</summary>
    public static PortElement? ElementFor(string containerId, PublishedPort port)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        ArgumentNullException.ThrowIfNull(port);
        var protocol = port.Protocol.ToLowerInvariant() switch
        {
            "tcp" => "tcp",
            "udp" => "udp",
            "sctp" => "sctp",
            _ => throw EngineException.InvalidParameter($"invalid protocol: {port.Protocol}"),
        };
        ValidPort(port.HostPort);
        ValidPort(port.ContainerPort);
        var v6 = port.ContainerIp.AddressFamily == AddressFamily.InterNetworkV6;
        var target = $"{port.ContainerIp} . {port.ContainerPort.ToString(CultureInfo.InvariantCulture)}";
        var hostPort = port.HostPort.ToString(CultureInfo.InvariantCulture);
        var comment = containerId.Length > 12 ? containerId[..12] : containerId;
        if (port.HostIp is null || port.HostIp.Equals(IPAddress.Any) || port.HostIp.Equals(IPAddress.IPv6Any))
        {
            return new PortElement(comment, v6 ? "dnat6_any" : "dnat4_any", $"{protocol} . {hostPort}", target);
        }

        if (port.HostIp.AddressFamily != port.ContainerIp.AddressFamily)
        {
            return null;
        }

        return new PortElement(comment, v6 ? "dnat6_at" : "dnat4_at", $"{port.HostIp} . {protocol} . {hostPort}", target);
    }

    /// <summary>Linux interface names are at most 15 bytes; wharf's chain names and quoted strings take only these characters.</summary>
    public static string ValidBridgeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 15 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw EngineException.InvalidParameter($"invalid bridge name: {name}");
        }

        return name;
    }

    private static void ValidPort(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw EngineException.InvalidParameter($"invalid port: {port.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void AppendChain(StringBuilder text, string table, string chain, List<string> rules)
    {
        text.Append(CultureInfo.InvariantCulture, $"add chain inet {table} {chain}\n");
        text.Append(CultureInfo.InvariantCulture, $"flush chain inet {table} {chain}\n");
        foreach (var rule in rules)
        {
            text.Append(CultureInfo.InvariantCulture, $"add rule inet {table} {chain} {rule}\n");
        }
    }
}
