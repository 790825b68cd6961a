using System.Net;
using System.Security.Cryptography;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.State;

namespace Wharf.Engine.Networking.Service;

/// <summary>
/// Networks and their address leases: the <c>/networks</c> API (<see cref="INetworkService"/>) and what the container
/// side attaches with (<see cref="INetworkCatalog"/>). The tables are the truth; memory holds a copy for fast reads
/// (the DNS asks on every query). One gate serialises every change, so name checks, subnet choice and address
/// choice never race; the database's UNIQUE constraints back that up.
/// </summary>
public sealed partial class NetworkService : INetworkService, INetworkCatalog
{
    public const string BridgeDriver = "bridge";
    public const string HostDriver = "host";
    public const string NullDriver = "null";
    public const string DefaultBridgeName = "bridge";
    public const string HostNetworkName = "host";
    public const string NoneNetworkName = "none";

    private const string EventType = "network";

    private readonly NetworkTable _table;
    private readonly NetworkServiceOptions _options;
    private readonly IBridgeDataplane _dataplane;
    private readonly IFirewall _firewall;
    private readonly IContainerLookup _containers;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>In creation order.</summary>
    private readonly List<NetworkEntry> _networks = [];

    /// <summary>Network ID → container ID → lease.</summary>
    private readonly Dictionary<string, Dictionary<string, EndpointLease>> _leases = new(StringComparer.Ordinal);

    public NetworkService(
        StateStore state,
        NetworkServiceOptions options,
        IBridgeDataplane dataplane,
        IFirewall firewall,
        IContainerLookup containers,
        IEventPublisher events,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(state);
        _table = new NetworkTable(state);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _dataplane = dataplane ?? throw new ArgumentNullException(nameof(dataplane));
        _firewall = firewall ?? throw new ArgumentNullException(nameof(firewall));
        _containers = containers ?? throw new ArgumentNullException(nameof(containers));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _time = time ?? throw new ArgumentNullException(nameof(time));

        foreach (var stored in _table.AllNetworks())
        {
            _networks.Add(ToEntry(stored));
        }

        foreach (var row in _table.AllLeases())
        {
            if (FindById(row.NetworkId) is { } network)
            {
                LeasesFor(row.NetworkId)[row.ContainerId] = ToLease(row, network.Info);
            }
        }
    }

    /// <summary>
    /// wharfd's start: creates the predefined networks on first start (and brings the default bridge in line with
    /// <c>--bip</c>, <c>--fixed-cidr</c>, <c>--bridge</c>), then creates every bridge and rewrites wharf's firewall
    /// tables from the stored networks. Published ports are put back by the container side.
    /// </summary>
    public void Initialize()
    {
        lock (_gate)
        {
            EnsureDefaultBridge();
            EnsurePredefined(HostNetworkName, HostDriver);
            EnsurePredefined(NoneNetworkName, NullDriver);
            foreach (var network in _networks.Where(n => n.Info.IsBridge))
            {
                _dataplane.EnsureBridge(BridgeSpecOf(network.Info));
            }

            if (_options.Iptables)
            {
                _firewall.Initialize([.. _networks.Where(n => n.Info.IsBridge).Select(n => FirewallNetworkOf(n.Info))], []);
            }
            else
            {
                _firewall.RemoveAll();
            }
        }
    }

    /// <summary>
    /// Drops the leases of containers that no longer run (wharfd was killed while they ran, or they died meanwhile),
    /// so their addresses can be handed out again. Returns the dropped leases (their veths are the caller's to remove).
    /// </summary>
    public IReadOnlyList<EndpointLease> Reconcile(IReadOnlySet<string> runningContainerIds)
    {
        ArgumentNullException.ThrowIfNull(runningContainerIds);
        lock (_gate)
        {
            var dropped = new List<EndpointLease>();
            foreach (var (networkId, leases) in _leases)
            {
                foreach (var lease in leases.Values.Where(l => !runningContainerIds.Contains(l.ContainerId)).ToList())
                {
                    _table.DeleteLease(networkId, lease.ContainerId);
                    leases.Remove(lease.ContainerId);
                    dropped.Add(lease);
                }
            }

            return dropped;
        }
    }

    public NetworkInfo Resolve(string nameOrId) =>
        TryResolve(nameOrId) ?? throw EngineException.NotFound(NetworkMessages.NotFound(nameOrId));

    public NetworkInfo? TryResolve(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        lock (_gate)
        {
            return Find(nameOrId)?.Info;
        }
    }

    public IReadOnlyList<NetworkInfo> All()
    {
        lock (_gate)
        {
            return [.. _networks.Select(n => n.Info)];
        }
    }

    public IReadOnlyList<EndpointLease> LeasesOf(string containerId)
    {
        lock (_gate)
        {
            return [.. _networks.Select(n => _leases.TryGetValue(n.Info.Id, out var leases) && leases.TryGetValue(containerId, out var lease) ? lease : null).OfType<EndpointLease>()];
        }
    }

    public IReadOnlyList<EndpointLease> LeasesOn(string networkId)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(networkId, out var leases) ? [.. leases.Values] : [];
        }
    }

    public IReadOnlyList<EndpointLease> AllLeases()
    {
        lock (_gate)
        {
            return [.. _networks.SelectMany(n => _leases.TryGetValue(n.Info.Id, out var leases) ? leases.Values : Enumerable.Empty<EndpointLease>())];
        }
    }

    /// <summary>dockerd's FindNetwork: full ID, then full name, then unique ID prefix; ambiguity is an InvalidParameter.</summary>
    private NetworkEntry? Find(string term)
    {
        if (term.Length == 0)
        {
            return null;
        }

        if (FindById(term) is { } exact)
        {
            return exact;
        }

        var byName = _networks.Where(n => n.Info.Name == term).ToList();
        if (byName.Count > 1)
        {
            throw EngineException.InvalidParameter(NetworkMessages.Ambiguous(term, byName.Count, byName: true));
        }

        if (byName.Count == 1)
        {
            return byName[0];
        }

        var byPrefix = _networks.Where(n => n.Info.Id.StartsWith(term, StringComparison.Ordinal)).ToList();
        return byPrefix.Count switch
        {
            0 => null,
            1 => byPrefix[0],
            _ => throw EngineException.InvalidParameter(NetworkMessages.Ambiguous(term, byPrefix.Count, byName: false)),
        };
    }

    private NetworkEntry? FindById(string id) => _networks.FirstOrDefault(n => n.Info.Id == id);

    private Dictionary<string, EndpointLease> LeasesFor(string networkId)
    {
        if (!_leases.TryGetValue(networkId, out var leases))
        {
            _leases[networkId] = leases = new Dictionary<string, EndpointLease>(StringComparer.Ordinal);
        }

        return leases;
    }

    private bool HasEndpoints(string networkId) => _leases.TryGetValue(networkId, out var leases) && leases.Count > 0;

    private void EnsurePredefined(string name, string driver)
    {
        if (_networks.Any(n => n.Info.Name == name))
        {
            return;
        }

        Store(new StoredNetwork { Id = NewId(), Name = name, Driver = driver, Created = _time.GetUtcNow() });
    }

    private void Store(StoredNetwork stored)
    {
        _table.Insert(stored);
        _networks.Add(ToEntry(stored));
    }

    private void Replace(NetworkEntry existing, StoredNetwork stored)
    {
        _table.Update(stored);
        _networks[_networks.IndexOf(existing)] = ToEntry(stored);
    }

    private void Publish(NetworkInfo network, string action) =>
        _events.Publish(EventType, action, network.Id, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = network.Name,
            ["type"] = network.Driver,
        });

    private static BridgeSpec BridgeSpecOf(NetworkInfo network) => new(
        network.BridgeName,
        network.Gateway,
        network.Subnet?.PrefixLength ?? 0,
        network.EnableIPv6 ? network.GatewayV6 : null,
        network.EnableIPv6 ? network.SubnetV6?.PrefixLength ?? 0 : 0,
        network.Mtu);

    private static FirewallNetwork FirewallNetworkOf(NetworkInfo network) => new(
        network.BridgeName,
        network.Subnet,
        network.EnableIPv6 ? network.SubnetV6 : null,
        network.Internal,
        network.Masquerade && !network.Internal,
        network.InterContainerCommunication);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static NetworkEntry ToEntry(StoredNetwork stored) => new(stored, new NetworkInfo(
        stored.Id,
        stored.Name,
        stored.Driver,
        stored.BridgeName,
        AddressMath.ParseNetwork(stored.Subnet),
        AddressMath.ParseAddress(stored.Gateway),
        AddressMath.ParseNetwork(stored.IPRange),
        AddressMath.ParseNetwork(stored.SubnetV6),
        AddressMath.ParseAddress(stored.GatewayV6),
        stored.Internal,
        stored.EnableIPv6,
        stored.Mtu,
        stored.IsDefaultBridge,
        stored.InterContainerCommunication,
        stored.Masquerade,
        stored.Created,
        stored.Options,
        stored.Labels));

    private static EndpointLease ToLease(LeaseRow row, NetworkInfo network) => new(
        row.NetworkId,
        row.ContainerId,
        row.EndpointId,
        AddressMath.ParseAddress(row.Address),
        network.Subnet?.PrefixLength ?? 0,
        AddressMath.ParseAddress(row.AddressV6),
        network.SubnetV6?.PrefixLength ?? 0,
        row.MacAddress,
        row.Aliases);

    private static IPAddress? FirstHost(IPNetwork? network) =>
        network is { } n ? AddressMath.FromNumber(AddressMath.First(n) + 1, n.BaseAddress.AddressFamily) : null;
}
