using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Sandbox;

namespace Wharf.Engine.Containers;

/// <summary>
/// Containers on networks: which networks a container is on (its persisted NetworkSettings), its sandbox at every
/// start (namespace, endpoints, ports, DNS, hosts and resolv.conf) and teardown at every exit, live connect and
/// disconnect, and the names the embedded DNS answers with.
/// </summary>
public sealed partial class ContainerService : INetworkAttachments, IDnsRecordSource
{
    private const string EmbeddedDnsAddress = "127.0.0.11";
    private SandboxManager? _sandboxes;

    /// <summary>Gives containers real networks (without it bridge modes get a namespace with loopback only, as for unit tests).</summary>
    public void UseNetworking(INetworkCatalog catalog, IBridgeDataplane dataplane, IFirewall? firewall, IHostPortReservations ports, IEmbeddedDns? dns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dataplane);
        ArgumentNullException.ThrowIfNull(ports);
        _sandboxes = new SandboxManager(catalog, dataplane, firewall, ports, dns, _options.ExecRoot, _logger);
    }

    /// <summary>Modes whose namespace wharfd makes: the default bridge and named networks (not host, none or container:).</summary>
    private static bool UsesSandbox(HostConfig hostConfig) =>
        hostConfig.NetworkMode is not ("host" or "none") && !hostConfig.NetworkMode.StartsWith("container:", StringComparison.Ordinal);

    private static string ModeNetworkName(string mode) => mode is "default" or "" ? "bridge" : mode;

    /// <summary>At create: the network of the mode and any other endpoints asked for, checked like dockerd does.</summary>
    private NetworkSettings? InitialNetworkSettings(HostConfig hostConfig, NetworkingConfig? networking)
    {
        if (_sandboxes is null)
        {
            return null;
        }

        var mode = hostConfig.NetworkMode;
        var networks = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal);
        if (mode.StartsWith("container:", StringComparison.Ordinal))
        {
            return new NetworkSettings { Networks = networks };
        }

        var requested = networking?.EndpointsConfig ?? [];
        var primary = ModeNetworkName(mode);
        var network = _sandboxes.Catalog.TryResolve(primary) ?? throw EngineException.NotFound($"network {primary} not found");
        // The docker CLI names the default network "default" in EndpointsConfig.
        var primaryNames = new[] { mode, network.Name, network.Id, network.IsDefaultBridge ? "default" : mode };
        var primaryConfig = primaryNames.Select(requested.GetValueOrDefault).FirstOrDefault(c => c is not null);
        networks[network.Name] = CheckEndpointConfig(network, primaryConfig, hostConfig) with { NetworkID = network.Id };
        foreach (var (name, config) in requested)
        {
            if (primaryNames.Contains(name))
            {
                continue;
            }

            var other = _sandboxes.Catalog.TryResolve(name) ?? throw EngineException.NotFound($"network {name} not found");
            if (!other.IsBridge || !network.IsBridge)
            {
                throw EngineException.InvalidParameter("Container cannot be connected to network endpoints: " + string.Join(", ", requested.Keys));
            }

            networks[other.Name] = CheckEndpointConfig(other, config, hostConfig) with { NetworkID = other.Id };
        }

        return new NetworkSettings { Networks = networks };
    }

    /// <summary>dockerd's validateEndpointSettings and the user-defined-only options.</summary>
    private static EndpointSettings CheckEndpointConfig(NetworkInfo network, EndpointSettings? config, HostConfig hostConfig)
    {
        config ??= new EndpointSettings();
        var ipam = config.IPAMConfig;
        var userDefined = network.IsBridge && !network.IsDefaultBridge;
        if (!userDefined && (!string.IsNullOrEmpty(ipam?.IPv4Address) || !string.IsNullOrEmpty(ipam?.IPv6Address)))
        {
            throw EngineException.InvalidParameter("user specified IP address is supported on user defined networks only");
        }

        if (!userDefined && config.Aliases is { Count: > 0 })
        {
            throw EngineException.InvalidParameter("network-scoped alias is supported only for containers in user defined networks");
        }

        if (!network.IsBridge && !string.IsNullOrEmpty(config.MacAddress))
        {
            throw EngineException.InvalidParameter("conflicting options: mac-address and the network mode");
        }

        CheckAddress(ipam?.IPv4Address, AddressFamily.InterNetwork, "invalid IPv4 address: ");
        CheckAddress(ipam?.IPv6Address, AddressFamily.InterNetworkV6, "invalid IPv6 address: ");
        if (!string.IsNullOrEmpty(config.MacAddress) && !IsMacAddress(config.MacAddress))
        {
            throw EngineException.InvalidParameter($"invalid MAC address: {config.MacAddress}");
        }

        if (hostConfig.Links is { Count: > 0 } && userDefined)
        {
            // dockerd turns links on user-defined networks into aliases of the linked containers; wharf resolves names anyway.
            return config with { Links = hostConfig.Links };
        }

        return config;
    }

    private static void CheckAddress(string? text, AddressFamily family, string message)
    {
        if (!string.IsNullOrEmpty(text) && (!IPAddress.TryParse(text, out var address) || address.AddressFamily != family))
        {
            throw EngineException.InvalidParameter(message + text);
        }
    }

    private static bool IsMacAddress(string text) =>
        text.Length == 17 && text.Split(':').All(p => p.Length == 2 && byte.TryParse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _));

    /// <summary>
    /// The sandbox of a start: namespace, an endpoint per network (the mode's first, as eth0 with the default route),
    /// published ports on the first network, the embedded DNS for user-defined networks, then hosts and resolv.conf
    /// with the new addresses. On failure everything of it is undone.
    /// </summary>
    private void SetUpNetwork(ContainerEntry entry)
    {
        var record = entry.Record;
        if (_sandboxes is null || !UsesSandbox(record.HostConfig))
        {
            return;
        }

        var settings = record.NetworkSettings ?? InitialNetworkSettings(record.HostConfig, record.NetworkingConfig)!;
        var namespacePath = _sandboxes.CreateNamespace(record.Id);
        try
        {
            var primary = ModeNetworkName(record.HostConfig.NetworkMode);
            var ordered = settings.Networks.OrderBy(n => n.Key == primary || n.Value.NetworkID == primary ? 0 : 1).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
            var endpoints = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal);
            var attached = new List<(NetworkInfo Network, EndpointLease Lease)>();
            lock (entry.Gate)
            {
                entry.Interfaces.Clear();
                entry.DnsUpstreams = null;
            }

            foreach (var (name, configured) in ordered)
            {
                var network = _sandboxes.Catalog.TryResolve(configured.NetworkID.Length > 0 ? configured.NetworkID : name)
                    ?? _sandboxes.Catalog.TryResolve(name)
                    ?? throw EngineException.NotFound($"network {name} not found");
                var interfaceName = "eth" + attached.Count.ToString(CultureInfo.InvariantCulture);
                var lease = _sandboxes.AddEndpoint(record.Id, namespacePath, network, configured, interfaceName, attached.Count == 0);
                attached.Add((network, lease));
                lock (entry.Gate)
                {
                    entry.Interfaces[network.Id] = interfaceName;
                }

                endpoints[network.Name] = Running(configured, network, lease, record);
            }

            IReadOnlyList<PublishedPort> published = [];
            var requests = PortPlan.Requests(record.Config, record.HostConfig);
            var portNetwork = attached.FirstOrDefault(a => a.Lease.IPv4 is not null);
            if (requests.Count > 0 && portNetwork.Lease is not null)
            {
                try
                {
                    published = _sandboxes.PublishPorts(record.Id, portNetwork.Network, portNetwork.Lease.IPv4!, requests);
                }
                catch (EngineException e)
                {
                    throw new EngineException(e.Kind, $"driver failed programming external connectivity on endpoint {record.Name.TrimStart('/')} ({portNetwork.Lease.EndpointId}): {e.Message}", e);
                }
            }

            if (attached.Any(a => !a.Network.IsDefaultBridge))
            {
                _sandboxes.AttachDns(record.Id, namespacePath);
            }

            WriteNetworkHostFiles(record, attached);
            var bridge = attached.FirstOrDefault(a => a.Network.IsDefaultBridge);
            Mutate(entry, r => r with
            {
                NetworkSettings = new NetworkSettings
                {
                    Bridge = "",
                    SandboxID = SandboxIdOf(r.Id),
                    SandboxKey = namespacePath,
                    Ports = PortPlan.Settings(r.Config, r.HostConfig, published),
                    Networks = endpoints,
                    EndpointID = bridge.Lease?.EndpointId ?? "",
                    Gateway = bridge.Network?.Gateway?.ToString() ?? "",
                    IPAddress = bridge.Lease?.IPv4?.ToString() ?? "",
                    IPPrefixLen = bridge.Lease?.PrefixLength ?? 0,
                    MacAddress = bridge.Lease?.MacAddress ?? "",
                    GlobalIPv6Address = bridge.Lease?.IPv6?.ToString() ?? "",
                    GlobalIPv6PrefixLen = bridge.Lease?.IPv6 is null ? 0 : bridge.Lease.PrefixLengthV6,
                    IPv6Gateway = bridge.Lease?.IPv6 is null ? "" : bridge.Network?.GatewayV6?.ToString() ?? "",
                },
            });
            foreach (var (network, _) in attached)
            {
                PublishNetworkEvent(network, "connect", record.Id);
            }
        }
        catch
        {
            _sandboxes.Destroy(record.Id);
            throw;
        }
    }

    /// <summary>After a run: the sandbox goes, the endpoints keep only what was asked for (dockerd empties addresses of a stopped container).</summary>
    private void TearDownNetwork(ContainerEntry entry)
    {
        if (_sandboxes is null || !UsesSandbox(entry.Record.HostConfig))
        {
            return;
        }

        var leases = _sandboxes.Catalog.LeasesOf(entry.Id);
        _sandboxes.Destroy(entry.Id);
        lock (entry.Gate)
        {
            entry.Interfaces.Clear();
        }

        if (entry.Record.NetworkSettings is { } settings)
        {
            Mutate(entry, r => r with { NetworkSettings = Stopped(settings) });
        }

        foreach (var lease in leases)
        {
            if (_sandboxes.Catalog.TryResolve(lease.NetworkId) is { } network)
            {
                PublishNetworkEvent(network, "disconnect", entry.Id);
            }
        }
    }

    private static NetworkSettings Stopped(NetworkSettings settings) => new()
    {
        Networks = settings.Networks.ToDictionary(
            n => n.Key,
            n => n.Value with { EndpointID = "", Gateway = "", IPAddress = "", IPPrefixLen = 0, IPv6Gateway = "", GlobalIPv6Address = "", GlobalIPv6PrefixLen = 0, MacAddress = n.Value.IPAMConfig is null ? "" : n.Value.MacAddress, DNSNames = null },
            StringComparer.Ordinal),
    };

    private static EndpointSettings Running(EndpointSettings configured, NetworkInfo network, EndpointLease lease, ContainerRecord record) => configured with
    {
        NetworkID = network.Id,
        EndpointID = lease.EndpointId,
        Gateway = network.Gateway?.ToString() ?? "",
        IPAddress = lease.IPv4?.ToString() ?? "",
        IPPrefixLen = lease.IPv4 is null ? 0 : lease.PrefixLength,
        IPv6Gateway = lease.IPv6 is null ? "" : network.GatewayV6?.ToString() ?? "",
        GlobalIPv6Address = lease.IPv6?.ToString() ?? "",
        GlobalIPv6PrefixLen = lease.IPv6 is null ? 0 : lease.PrefixLengthV6,
        MacAddress = lease.MacAddress,
        DNSNames = network.IsDefaultBridge ? null : [record.Name.TrimStart('/'), .. lease.Aliases, record.Id[..12]],
    };

    private static string SandboxIdOf(string containerId) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("sandbox:" + containerId)));

    private void PublishNetworkEvent(NetworkInfo network, string action, string containerId) =>
        _events.Publish("network", action, network.Id, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["container"] = containerId,
            ["name"] = network.Name,
            ["type"] = network.Driver,
        });

    /// <summary>/etc/hosts with the container's own address and its links, resolv.conf with the embedded DNS on user-defined networks.</summary>
    private void WriteNetworkHostFiles(ContainerRecord record, List<(NetworkInfo Network, EndpointLease Lease)> attached)
    {
        var hostConfig = record.HostConfig;
        var extraHosts = WithHostGateway(hostConfig.ExtraHosts);
        var own = attached.Select(a => a.Lease.IPv4).FirstOrDefault(a => a is not null);
        var links = new List<(string Address, string Names)>();
        var bridge = attached.FirstOrDefault(a => a.Network.IsDefaultBridge);
        if (bridge.Network is not null)
        {
            foreach (var link in hostConfig.Links ?? [])
            {
                var (target, alias) = ParseLink(link);
                if (!_containers.TryGetValue(TryResolveId(target) ?? "", out var linked))
                {
                    continue;
                }

                var address = _sandboxes!.Catalog.LeasesOf(linked.Id).FirstOrDefault(l => l.NetworkId == bridge.Network.Id)?.IPv4;
                if (address is not null)
                {
                    links.Add((address.ToString(), $"{alias} {linked.Id[..12]} {linked.Record.Name.TrimStart('/')}"));
                }
            }
        }

        WriteAtomically(_paths.HostsFile(record.Id), ContainerHostFiles.SandboxHosts(extraHosts, links, own?.ToString(), record.Config.Hostname, record.Config.Domainname));
        if (attached.Any(a => !a.Network.IsDefaultBridge))
        {
            WriteAtomically(
                _paths.ResolvConfFile(record.Id),
                ContainerHostFiles.EmbeddedDnsResolvConf(
                    ReadHostFile(_options.HostResolvConfPath) ?? "",
                    EmbeddedDnsAddress,
                    hostConfig.DnsSearch is { Count: > 0 } search ? search : _options.DnsSearch,
                    hostConfig.DnsOptions is { Count: > 0 } dnsOptions ? dnsOptions : _options.DnsOptions));
        }
    }

    /// <summary><c>--add-host name:host-gateway</c> means the default bridge's gateway, as dockerd's default --host-gateway-ip.</summary>
    private List<string> WithHostGateway(IReadOnlyList<string>? extraHosts)
    {
        var gateway = _sandboxes?.Catalog.TryResolve("bridge")?.Gateway?.ToString();
        return [.. (extraHosts ?? []).Select(h => h.EndsWith(":host-gateway", StringComparison.Ordinal) && gateway is not null ? h[..h.LastIndexOf(':')] + ":" + gateway : h)];
    }

    private static (string Target, string Alias) ParseLink(string link)
    {
        var colon = link.IndexOf(':', StringComparison.Ordinal);
        var target = (colon < 0 ? link : link[..colon]).TrimStart('/');
        var alias = colon < 0 ? target : link[(colon + 1)..].TrimStart('/');
        var slash = alias.LastIndexOf('/');
        return (target, slash < 0 ? alias : alias[(slash + 1)..]);
    }

    private string? TryResolveId(string nameOrId)
    {
        try
        {
            return Resolve(nameOrId).Id;
        }
        catch (EngineException)
        {
            return null;
        }
    }

    /// <summary>Start-up: ports and DNS of the containers that kept running, and nothing left of the others.</summary>
    private void RestoreNetworking()
    {
        if (_sandboxes is null)
        {
            return;
        }

        var running = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _containers.Values.Where(e => e.Task is not null))
        {
            running.Add(entry.Id);
            var record = entry.Record;
            if (!UsesSandbox(record.HostConfig))
            {
                continue;
            }

            var leases = _sandboxes.Catalog.LeasesOf(entry.Id);
            lock (entry.Gate)
            {
                var index = 0;
                foreach (var lease in leases)
                {
                    entry.Interfaces[lease.NetworkId] = "eth" + index++.ToString(CultureInfo.InvariantCulture);
                }
            }

            var withAddress = leases.FirstOrDefault(l => l.IPv4 is not null);
            if (withAddress is not null && _sandboxes.Catalog.TryResolve(withAddress.NetworkId) is { } network)
            {
                _sandboxes.RestorePorts(entry.Id, network, PortPlan.FromSettings(record.NetworkSettings?.Ports, withAddress.IPv4!));
            }

            if (leases.Any(l => _sandboxes.Catalog.TryResolve(l.NetworkId) is { IsDefaultBridge: false }))
            {
                _sandboxes.AttachDns(entry.Id, _sandboxes.NamespacePath(entry.Id));
            }
        }

        _sandboxes.Reconcile(running);
        foreach (var entry in _containers.Values.Where(e => e.Task is null && e.Record.NetworkSettings is { } s && s.SandboxKey.Length > 0))
        {
            Mutate(entry, r => r with { NetworkSettings = Stopped(r.NetworkSettings!) });
        }
    }

    public async Task ConnectAsync(string networkNameOrId, string containerNameOrId, EndpointSettings? endpoint, CancellationToken cancellationToken)
    {
        var sandboxes = _sandboxes ?? throw EngineException.InvalidParameter("networking is not enabled");
        var network = sandboxes.Catalog.Resolve(networkNameOrId);
        var entry = Resolve(containerNameOrId);
        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = entry.Record;
            var mode = record.HostConfig.NetworkMode;
            if (mode == "host" || network.Driver == "host")
            {
                throw EngineException.Forbidden("container cannot be disconnected from host network or connected to host network");
            }

            if (mode.StartsWith("container:", StringComparison.Ordinal))
            {
                throw EngineException.Forbidden("container sharing network namespace with another container or host cannot be connected to any other network");
            }

            if (mode == "none" || network.Driver == "null")
            {
                throw EngineException.Forbidden("container cannot be connected to multiple networks with one of the networks in private (none) mode");
            }

            var settings = record.NetworkSettings ?? new NetworkSettings();
            if (settings.Networks.ContainsKey(network.Name))
            {
                throw EngineException.Forbidden($"endpoint with name {record.Name.TrimStart('/')} already exists in network {network.Name}");
            }

            var configured = CheckEndpointConfig(network, endpoint, record.HostConfig) with { NetworkID = network.Id };
            if (entry.Task is null || record.NetworkSettings?.SandboxKey is not { Length: > 0 } namespacePath)
            {
                Mutate(entry, r => r with { NetworkSettings = WithEndpoint(r.NetworkSettings, network.Name, configured) });
                return;
            }

            string interfaceName;
            lock (entry.Gate)
            {
                var used = entry.Interfaces.Values.ToHashSet(StringComparer.Ordinal);
                var index = 0;
                while (used.Contains("eth" + index.ToString(CultureInfo.InvariantCulture)))
                {
                    index++;
                }

                interfaceName = "eth" + index.ToString(CultureInfo.InvariantCulture);
            }

            var lease = sandboxes.AddEndpoint(record.Id, namespacePath, network, configured, interfaceName, defaultRoute: false);
            lock (entry.Gate)
            {
                entry.Interfaces[network.Id] = interfaceName;
            }

            if (!network.IsDefaultBridge)
            {
                sandboxes.AttachDns(record.Id, namespacePath);
            }

            Mutate(entry, r => r with { NetworkSettings = WithEndpoint(r.NetworkSettings, network.Name, Running(configured, network, lease, r)) });
            PublishNetworkEvent(network, "connect", record.Id);
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    public async Task DisconnectAsync(string networkNameOrId, string containerNameOrId, bool force, CancellationToken cancellationToken)
    {
        var sandboxes = _sandboxes ?? throw EngineException.InvalidParameter("networking is not enabled");
        var network = sandboxes.Catalog.Resolve(networkNameOrId);
        ContainerEntry entry;
        try
        {
            entry = Resolve(containerNameOrId);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound && force)
        {
            foreach (var stale in sandboxes.Catalog.LeasesOn(network.Id).Where(l => l.ContainerId.StartsWith(containerNameOrId, StringComparison.Ordinal)))
            {
                sandboxes.RemoveEndpoint(stale);
            }

            return;
        }

        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = entry.Record;
            if (record.HostConfig.NetworkMode == "host" || network.Driver == "host")
            {
                throw EngineException.Forbidden("container cannot be disconnected from host network or connected to host network");
            }

            if (record.NetworkSettings is not { } settings || !settings.Networks.ContainsKey(network.Name))
            {
                throw EngineException.Forbidden($"container {record.Id} is not connected to network {network.Name}");
            }

            var lease = sandboxes.Catalog.LeasesOf(record.Id).FirstOrDefault(l => l.NetworkId == network.Id);
            if (lease is not null)
            {
                sandboxes.RemoveEndpoint(lease);
                lock (entry.Gate)
                {
                    entry.Interfaces.Remove(network.Id);
                }

                if (!sandboxes.Catalog.LeasesOf(record.Id).Any(l => sandboxes.Catalog.TryResolve(l.NetworkId) is { IsDefaultBridge: false }))
                {
                    sandboxes.DetachDns(record.Id);
                }

                PublishNetworkEvent(network, "disconnect", record.Id);
            }

            Mutate(entry, r =>
            {
                var networks = new Dictionary<string, EndpointSettings>(r.NetworkSettings!.Networks, StringComparer.Ordinal);
                networks.Remove(network.Name);
                return r with { NetworkSettings = r.NetworkSettings with { Networks = networks } };
            });
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    private static NetworkSettings WithEndpoint(NetworkSettings? settings, string name, EndpointSettings endpoint)
    {
        settings ??= new NetworkSettings();
        var networks = new Dictionary<string, EndpointSettings>(settings.Networks, StringComparer.Ordinal) { [name] = endpoint };
        return settings with { Networks = networks };
    }

    public IReadOnlyList<IPAddress> Lookup(string askingContainerId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sandboxes = _sandboxes;
        if (sandboxes is null)
        {
            return [];
        }

        var results = new List<IPAddress>();
        foreach (var own in sandboxes.Catalog.LeasesOf(askingContainerId))
        {
            if (sandboxes.Catalog.TryResolve(own.NetworkId) is not { IsDefaultBridge: false, IsBridge: true })
            {
                continue;
            }

            foreach (var lease in sandboxes.Catalog.LeasesOn(own.NetworkId))
            {
                // A container on its way out holds its lease until its veth is gone; its name stops answering at once.
                if (_containers.TryGetValue(lease.ContainerId, out var other) && other.Record.State.Running && Answers(other.Record, lease, name))
                {
                    if (lease.IPv4 is not null && !results.Contains(lease.IPv4))
                    {
                        results.Add(lease.IPv4);
                    }

                    if (lease.IPv6 is not null && !results.Contains(lease.IPv6))
                    {
                        results.Add(lease.IPv6);
                    }
                }
            }
        }

        return results;
    }

    private static bool Answers(ContainerRecord record, EndpointLease lease, string name) =>
        string.Equals(record.Name.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(record.Id[..12], name, StringComparison.OrdinalIgnoreCase)
        || lease.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    public string? ReverseLookup(string askingContainerId, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var sandboxes = _sandboxes;
        if (sandboxes is null)
        {
            return null;
        }

        foreach (var own in sandboxes.Catalog.LeasesOf(askingContainerId))
        {
            if (sandboxes.Catalog.TryResolve(own.NetworkId) is not { IsDefaultBridge: false, IsBridge: true } network)
            {
                continue;
            }

            foreach (var lease in sandboxes.Catalog.LeasesOn(own.NetworkId))
            {
                if ((address.Equals(lease.IPv4) || address.Equals(lease.IPv6)) && _containers.TryGetValue(lease.ContainerId, out var other))
                {
                    return other.Record.Name.TrimStart('/') + "." + network.Name;
                }
            }
        }

        return null;
    }

    public IReadOnlyList<IPEndPoint> Upstreams(string askingContainerId)
    {
        if (!_containers.TryGetValue(askingContainerId, out var entry))
        {
            return [];
        }

        // Internal networks only: no way out, so nothing is forwarded (as dockerd).
        var sandboxes = _sandboxes;
        if (sandboxes is not null && sandboxes.Catalog.LeasesOf(askingContainerId).All(l => sandboxes.Catalog.TryResolve(l.NetworkId) is { Internal: true }))
        {
            return [];
        }

        // Read once per run, not per forwarded query (dockerd also takes the host's resolv.conf at start).
        return entry.DnsUpstreams ??= ConfiguredUpstreams(entry.Record);
    }

    private List<IPEndPoint> ConfiguredUpstreams(ContainerRecord record)
    {
        IEnumerable<string> servers = record.HostConfig.Dns is { Count: > 0 } own ? own
            : _options.Dns.Count > 0 ? _options.Dns
            : ContainerHostFiles.NameServers(ReadHostFile(_options.HostResolvConfPath) ?? "");
        var endpoints = new List<IPEndPoint>();
        foreach (var server in servers)
        {
            if (IPAddress.TryParse(server, out var address) && server != EmbeddedDnsAddress)
            {
                endpoints.Add(new IPEndPoint(address, 53));
            }
        }

        return endpoints;
    }
}
