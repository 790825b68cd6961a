using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Errors;
using Wharf.Linux;
using Wharf.Linux.Netlink;

namespace Wharf.Engine.Networking.Bridge;

/// <summary>
/// <see cref="IBridgeDataplane"/> over rtnetlink in-process. Host-side work goes through one long-lived socket
/// (opened in <c>hostNamespacePath</c> when given, so tests and a sandboxed wharfd never touch the real host); work
/// inside a container's namespace opens a short-lived socket there on a namespace thread.
/// </summary>
public sealed class NetlinkBridgeDataplane : IBridgeDataplane, IDisposable
{
    private const string BridgeKind = "bridge";
    private const int LoopbackIndex = 1;

    private readonly string? hostNamespacePath;
    private readonly Lock openGate = new();
    private RouteNetlink? hostSocket;

    /// <param name="hostNamespacePath">A network namespace to treat as "the host" instead of the daemon's own.</param>
    public NetlinkBridgeDataplane(string? hostNamespacePath = null)
    {
        this.hostNamespacePath = hostNamespacePath;
    }

    public void EnsureBridge(BridgeSpec bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var name = bridge.Name;
        var host = Host();
        LinkDescription link;
        try
        {
            link = host.FindLink(name) ?? CreateBridge(host, bridge);
        }
        catch (NetlinkException e)
        {
            throw new EngineException($"failed to create bridge {name}: {e.Reason}", e);
        }

        if (link.Kind != BridgeKind)
        {
            throw EngineException.Conflict($"failed to create bridge {name}: a {link.Kind ?? "non-bridge"} link of that name exists");
        }

        try
        {
            // Before the addresses: an IPv6 address cannot be added while IPv6 is disabled on the device.
            InHostNamespace(() => EnableForwarding(name, bridge.GatewayV6 is not null));
            if (!link.IsUp || (bridge.Mtu > 0 && link.Mtu != bridge.Mtu))
            {
                host.SetLink(link.Index, name, bridge.Mtu, up: true, masterIndex: null);
            }

            ReconcileAddresses(host, link, bridge);
        }
        catch (IOException e)
        {
            throw new EngineException($"failed to set up bridge {name}: {e.Message}", e);
        }
    }

    public void RemoveBridge(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var host = Host();
        try
        {
            var link = host.FindLink(name);
            if (link is null)
            {
                return;
            }

            if (link.Kind != BridgeKind)
            {
                throw EngineException.Conflict($"failed to remove bridge {name}: it is a {link.Kind ?? "non-bridge"} link");
            }

            _ = host.DeleteLink(name);
        }
        catch (NetlinkException e)
        {
            throw new EngineException($"failed to remove bridge {name}: {e.Reason}", e);
        }
    }

    public void InitializeNamespace(string namespacePath)
    {
        ArgumentNullException.ThrowIfNull(namespacePath);
        try
        {
            _ = NetworkNamespace.Run(namespacePath, () =>
            {
                using var inside = RouteNetlink.Open();
                inside.SetLink(LoopbackIndex, "lo", 0, up: true, masterIndex: null);
                return 0;
            });
        }
        catch (IOException e)
        {
            throw new EngineException($"failed to set up network namespace {namespacePath}: {e.Message}", e);
        }
    }

    public void AddEndpoint(VethEndpointSpec endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var hostName = endpoint.HostInterfaceName;
        var mac = ParseMacAddress(endpoint.MacAddress);
        var host = Host();

        FileDescriptorHandle namespaceHandle;
        try
        {
            namespaceHandle = new FileDescriptorHandle(FileDescriptor.Open(endpoint.NamespacePath, FileDescriptor.OpenReadOnly));
        }
        catch (IOException e)
        {
            throw new EngineException($"failed to create veth {hostName}: {e.Message}", e);
        }

        using (namespaceHandle)
        {
            CreateVeth(host, endpoint, namespaceHandle, mac);
        }

        try
        {
            _ = NetworkNamespace.Run(endpoint.NamespacePath, () =>
            {
                ConfigureContainerSide(endpoint);
                return 0;
            });
        }
        catch (IOException e)
        {
            DeleteQuietly(host, hostName);
            throw new EngineException($"failed to configure {endpoint.ContainerInterfaceName} of {hostName} in {endpoint.NamespacePath}: {e.Message}", e);
        }
        catch
        {
            DeleteQuietly(host, hostName);
            throw;
        }
    }

    public void RemoveEndpoint(string hostInterfaceName)
    {
        ArgumentNullException.ThrowIfNull(hostInterfaceName);
        try
        {
            _ = Host().DeleteLink(hostInterfaceName);
        }
        catch (NetlinkException e)
        {
            throw new EngineException($"failed to remove veth {hostInterfaceName}: {e.Reason}", e);
        }
    }

    public IReadOnlyList<string> ListLinks(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        try
        {
            return [.. Host().ListLinks().Select(link => link.Name).Where(name => name.StartsWith(prefix, StringComparison.Ordinal))];
        }
        catch (NetlinkException e)
        {
            throw new EngineException($"failed to list links: {e.Reason}", e);
        }
    }

    /// <summary>
    /// Destinations of the main table's IPv4 routes. Default routes are left out, as Docker does when checking a
    /// subnet for overlaps: 0.0.0.0/0 would overlap every candidate.
    /// </summary>
    public IReadOnlyList<IPNetwork> HostRoutes()
    {
        try
        {
            return
            [
                .. Host().ListRoutes(AddressFamily.InterNetwork)
                    .Where(route => route.Table == RouteEntry.MainTable && route.Destination is not null && route.DestinationLength > 0)
                    .Select(route => new IPNetwork(MaskTo(route.Destination!, route.DestinationLength), route.DestinationLength))
                    .Distinct(),
            ];
        }
        catch (NetlinkException e)
        {
            throw new EngineException($"failed to list routes: {e.Reason}", e);
        }
    }

    public void Dispose()
    {
        lock (openGate)
        {
            hostSocket?.Dispose();
            hostSocket = null;
        }
    }

    /// <summary>"02:42:ac:11:00:02" as six bytes; null or empty means "let the kernel pick".</summary>
    public static byte[]? ParseMacAddress(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split(':', '-');
        var bytes = new byte[6];
        if (parts.Length != 6)
        {
            throw EngineException.InvalidParameter($"invalid MAC address: {text}");
        }

        for (var i = 0; i < 6; i++)
        {
            if (parts[i].Length is < 1 or > 2 || !byte.TryParse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out bytes[i]))
            {
                throw EngineException.InvalidParameter($"invalid MAC address: {text}");
            }
        }

        return bytes;
    }

    private static LinkDescription CreateBridge(RouteNetlink host, BridgeSpec bridge)
    {
        // False means another thread or process made it between the lookup and now: use theirs.
        _ = host.CreateLink(bridge.Name, BridgeKind, bridge.Mtu);
        return host.FindLink(bridge.Name) ?? throw new NetlinkException($"bridge {bridge.Name} vanished right after its creation");
    }

    private static void ReconcileAddresses(RouteNetlink host, LinkDescription link, BridgeSpec bridge)
    {
        var wanted = new List<(IPAddress Address, int PrefixLength)>();
        if (bridge.GatewayV4 is { } v4)
        {
            wanted.Add((v4, bridge.PrefixLengthV4));
        }

        if (bridge.GatewayV6 is { } v6)
        {
            wanted.Add((v6, bridge.PrefixLengthV6));
        }

        var present = host.ListAddresses().Where(address => address.InterfaceIndex == link.Index).ToList();
        foreach (var address in present)
        {
            // The kernel's own fe80:: address stays: IPv6 neighbour discovery on the bridge needs it.
            if (!address.Address.IsIPv6LinkLocal && !wanted.Contains((address.Address, address.PrefixLength)))
            {
                _ = host.DeleteAddress(link.Index, link.Name, address.Address, address.PrefixLength);
            }
        }

        foreach (var (address, prefixLength) in wanted)
        {
            if (!present.Any(p => p.Address.Equals(address) && p.PrefixLength == prefixLength))
            {
                host.ReplaceAddress(link.Index, link.Name, address, prefixLength);
            }
        }
    }

    /// <summary>
    /// IPv4 forwarding (the host routes between bridges and out), and route_localnet on the bridge so that published
    /// ports on 127.0.0.1 can be DNATed to it. With IPv6, forwarding for IPv6 too, as dockerd does.
    /// </summary>
    private static void EnableForwarding(string bridgeName, bool ipv6)
    {
        WriteSysctl("/proc/sys/net/ipv4/ip_forward", "1");
        WriteSysctl($"/proc/sys/net/ipv4/conf/{bridgeName}/route_localnet", "1");
        if (ipv6)
        {
            WriteSysctl($"/proc/sys/net/ipv6/conf/{bridgeName}/disable_ipv6", "0");
            WriteSysctl("/proc/sys/net/ipv6/conf/all/forwarding", "1");
        }
    }

    private static void WriteSysctl(string path, string value)
    {
        var fd = FileDescriptor.Open(path, FileDescriptor.OpenWriteOnly);
        try
        {
            FileDescriptor.WriteAll(fd, System.Text.Encoding.ASCII.GetBytes(value + "\n"));
        }
        finally
        {
            FileDescriptor.Close(fd);
        }
    }

    private static void CreateVeth(RouteNetlink host, VethEndpointSpec endpoint, FileDescriptorHandle namespaceHandle, byte[]? mac)
    {
        var hostName = endpoint.HostInterfaceName;
        try
        {
            var bridge = host.FindLink(endpoint.BridgeName);
            if (bridge is null || bridge.Kind != BridgeKind)
            {
                throw EngineException.NotFound($"failed to create veth {hostName}: bridge {endpoint.BridgeName} not found");
            }

            var request = new VethPairRequest(hostName, endpoint.ContainerInterfaceName, endpoint.Mtu, bridge.Index, namespaceHandle, mac);
            try
            {
                host.CreateVethPair(request);
            }
            catch (NetlinkException e) when (e.Errno == RouteNetlink.ErrorExists && host.FindLink(hostName) is not null)
            {
                // A leftover of this very endpoint (IDs are unique), e.g. from a crash before reconcile: replace it.
                _ = host.DeleteLink(hostName);
                host.CreateVethPair(request);
            }
        }
        catch (NetlinkException e)
        {
            throw new EngineException($"failed to create veth {hostName} on bridge {endpoint.BridgeName} ({endpoint.ContainerInterfaceName} in {endpoint.NamespacePath}): {e.Reason}", e);
        }
    }

    private static void ConfigureContainerSide(VethEndpointSpec endpoint)
    {
        using var inside = RouteNetlink.Open();
        var name = endpoint.ContainerInterfaceName;
        var link = inside.FindLink(name) ?? throw new NetlinkException($"{name} is missing from the namespace after its creation");
        inside.SetLink(link.Index, name, 0, up: true, masterIndex: null);

        if (endpoint.IPv4 is { } v4)
        {
            inside.ReplaceAddress(link.Index, name, v4, endpoint.PrefixLengthV4);
        }

        if (endpoint.IPv6 is { } v6)
        {
            inside.ReplaceAddress(link.Index, name, v6, endpoint.PrefixLengthV6);
        }

        if (endpoint.DefaultRoute)
        {
            if (endpoint.IPv4 is not null && endpoint.GatewayV4 is { } gateway4)
            {
                inside.ReplaceDefaultRoute(link.Index, name, gateway4);
            }

            if (endpoint.IPv6 is not null && endpoint.GatewayV6 is { } gateway6)
            {
                inside.ReplaceDefaultRoute(link.Index, name, gateway6);
            }
        }
    }

    private static void DeleteQuietly(RouteNetlink host, string name)
    {
        try
        {
            _ = host.DeleteLink(name);
        }
        catch (NetlinkException)
        {
            // Cleanup after a failure: the original error is the one worth reporting; reconcile removes leftovers.
        }
    }

    private static IPAddress MaskTo(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    private void InHostNamespace(Action action)
    {
        if (hostNamespacePath is null)
        {
            action();
            return;
        }

        _ = NetworkNamespace.Run(hostNamespacePath, () =>
        {
            action();
            return 0;
        });
    }

    private RouteNetlink Host()
    {
        lock (openGate)
        {
            if (hostSocket is not null)
            {
                return hostSocket;
            }

            try
            {
                hostSocket = hostNamespacePath is null ? RouteNetlink.Open() : NetworkNamespace.Run(hostNamespacePath, RouteNetlink.Open);
            }
            catch (IOException e)
            {
                throw new EngineException($"failed to open rtnetlink socket: {e.Message}", e);
            }

            return hostSocket;
        }
    }
}
