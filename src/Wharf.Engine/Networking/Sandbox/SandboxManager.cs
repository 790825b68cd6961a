using System.Net;
using Microsoft.Extensions.Logging;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Linux;

namespace Wharf.Engine.Networking.Sandbox;

/// <summary>
/// The kernel side of a container's networking: its network namespace (created by wharfd, bind-mounted under the exec
/// root, handed to runc by path), one veth endpoint per network with leased addresses, published ports (reserved host
/// ports plus DNAT rules) and the embedded DNS. Each step undoes itself on failure; <see cref="Destroy"/> and
/// <see cref="Reconcile"/> remove whatever is left, whatever state a crash left it in.
/// </summary>
internal sealed class SandboxManager
{
    /// <summary>Host ends of wharf's veths; the rest of the name is the endpoint ID's start.</summary>
    public const string HostInterfacePrefix = "wv";

    private readonly INetworkCatalog _catalog;
    private readonly IBridgeDataplane _dataplane;
    private readonly IFirewall? _firewall;
    private readonly IHostPortReservations _ports;
    private readonly IEmbeddedDns? _dns;
    private readonly string _namespaceRoot;
    private readonly ILogger _logger;

    public SandboxManager(INetworkCatalog catalog, IBridgeDataplane dataplane, IFirewall? firewall, IHostPortReservations ports, IEmbeddedDns? dns, string execRoot, ILogger logger)
    {
        _catalog = catalog;
        _dataplane = dataplane;
        _firewall = firewall;
        _ports = ports;
        _dns = dns;
        _namespaceRoot = Path.Combine(execRoot, "netns");
        _logger = logger;
    }

    public INetworkCatalog Catalog => _catalog;

    public string NamespacePath(string containerId) => Path.Combine(_namespaceRoot, containerId);

    public static string HostInterfaceOf(EndpointLease lease) => HostInterfacePrefix + lease.EndpointId[..11];

    /// <summary>A fresh namespace with loopback up (a stale one of an earlier run is replaced).</summary>
    public string CreateNamespace(string containerId)
    {
        var path = NamespacePath(containerId);
        NetworkNamespace.Remove(path);
        try
        {
            NetworkNamespace.Create(path);
            _dataplane.InitializeNamespace(path);
        }
        catch (IOException e)
        {
            NetworkNamespace.Remove(path);
            throw new EngineException(ErrorKind.Internal, $"failed to create the network namespace of {containerId}: {e.Message}", e);
        }

        return path;
    }

    /// <summary>Leases addresses on <paramref name="network"/> and plugs a veth into the namespace; nothing stays on failure.</summary>
    public EndpointLease AddEndpoint(string containerId, string namespacePath, NetworkInfo network, EndpointSettings? requested, string interfaceName, bool defaultRoute)
    {
        var lease = _catalog.Allocate(
            network.Id,
            containerId,
            ParseAddress(requested?.IPAMConfig?.IPv4Address),
            ParseAddress(requested?.IPAMConfig?.IPv6Address),
            string.IsNullOrEmpty(requested?.MacAddress) ? null : requested.MacAddress,
            requested?.Aliases ?? []);
        try
        {
            _dataplane.AddEndpoint(new VethEndpointSpec(
                namespacePath,
                network.BridgeName,
                HostInterfaceOf(lease),
                interfaceName,
                lease.MacAddress,
                lease.IPv4,
                lease.PrefixLength,
                network.Gateway,
                lease.IPv6,
                lease.PrefixLengthV6,
                network.GatewayV6,
                network.Mtu,
                defaultRoute && !network.Internal));
        }
        catch
        {
            _catalog.Release(network.Id, containerId);
            throw;
        }

        return lease;
    }

    public void RemoveEndpoint(EndpointLease lease)
    {
        Try(lease.ContainerId, () => _dataplane.RemoveEndpoint(HostInterfaceOf(lease)));
        _catalog.Release(lease.NetworkId, lease.ContainerId);
    }

    /// <summary>Reserves the host ports and adds the DNAT rules; all or nothing.</summary>
    public IReadOnlyList<PublishedPort> PublishPorts(string containerId, NetworkInfo network, IPAddress containerIp, IReadOnlyList<PortRequest> requests)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var published = _ports.Reserve(containerId, containerIp, requests);
        try
        {
            _firewall?.AddPorts(new FirewallPortSet(containerId, network.BridgeName, published));
        }
        catch
        {
            _ports.Release(containerId);
            throw;
        }

        return published;
    }

    /// <summary>Ports recorded before a daemon restart: reserved and forwarded again; a failure is logged (the container keeps running).</summary>
    public void RestorePorts(string containerId, NetworkInfo network, IReadOnlyList<PublishedPort> published)
    {
        if (published.Count == 0)
        {
            return;
        }

        Try(containerId, () =>
        {
            _ports.Reserve(containerId, published[0].ContainerIp, [.. published.Select(p => new PortRequest(p.Protocol, p.HostIp, p.HostPort, p.HostPort, p.ContainerPort))]);
            _firewall?.AddPorts(new FirewallPortSet(containerId, network.BridgeName, published));
        });
    }

    public void AttachDns(string containerId, string namespacePath) => Try(containerId, () => _dns?.Attach(containerId, namespacePath));

    public void DetachDns(string containerId) => Try(containerId, () => _dns?.Detach(containerId));

    /// <summary>Everything of a container's sandbox, in the reverse order of its making; errors are logged, never thrown.</summary>
    public void Destroy(string containerId)
    {
        DetachDns(containerId);
        Try(containerId, () => _firewall?.RemovePorts(containerId));
        Try(containerId, () => _ports.Release(containerId));
        foreach (var lease in _catalog.LeasesOf(containerId))
        {
            Try(containerId, () => RemoveEndpoint(lease));
        }

        Try(containerId, () => NetworkNamespace.Remove(NamespacePath(containerId)));
    }

    /// <summary>Start-up: veths, namespaces and leases that belong to no running container go.</summary>
    public void Reconcile(IReadOnlySet<string> running)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lease in _catalog.AllLeases())
        {
            if (running.Contains(lease.ContainerId))
            {
                kept.Add(HostInterfaceOf(lease));
            }
            else
            {
                Try(lease.ContainerId, () => RemoveEndpoint(lease));
            }
        }

        foreach (var link in _dataplane.ListLinks(HostInterfacePrefix))
        {
            if (!kept.Contains(link))
            {
                Try(link, () => _dataplane.RemoveEndpoint(link));
            }
        }

        if (!Directory.Exists(_namespaceRoot))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(_namespaceRoot))
        {
            if (!running.Contains(Path.GetFileName(path)))
            {
                Try(path, () => NetworkNamespace.Remove(path));
            }
        }
    }

    private static IPAddress? ParseAddress(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return IPAddress.TryParse(text, out var address) ? address : throw EngineException.InvalidParameter($"invalid IP address: {text}");
    }

    private void Try(string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is EngineException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            SandboxLog.CleanupFailed(_logger, what, e.Message);
        }
    }
}
