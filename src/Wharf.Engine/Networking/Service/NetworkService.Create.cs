using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Api;
using Wharf.Api.Time;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Images;

namespace Wharf.Engine.Networking.Service;

public sealed partial class NetworkService
{
    private const string MtuOption = "com.docker.network.driver.mtu";
    private const string BridgeNameOption = "com.docker.network.bridge.name";
    private const string IccOption = "com.docker.network.bridge.enable_icc";
    private const string MasqueradeOption = "com.docker.network.bridge.enable_ip_masquerade";
    private const string EnableIPv4Option = "com.docker.network.enable_ipv4";
    private const string EnableIPv6Option = "com.docker.network.enable_ipv6";

    /// <summary>Linux's IFNAMSIZ less the terminating NUL.</summary>
    private const int MaxInterfaceNameLength = 15;

    private static readonly string[] PruneFilterKeys = ["label", "label!", "until"];

    /// <summary>The names <c>network create</c> refuses (moby's network.IsPredefined).</summary>
    public static bool IsPredefinedName(string name) => name is DefaultBridgeName or HostNetworkName or NoneNetworkName or "default";

    public NetworkCreateResponse Create(NetworkCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name ?? "";
        if (IsPredefinedName(name))
        {
            throw EngineException.Forbidden(NetworkMessages.Predefined(name));
        }

        if (name.Length == 0)
        {
            throw EngineException.InvalidParameter("invalid name: ");
        }

        var driver = string.IsNullOrEmpty(request.Driver) ? BridgeDriver : request.Driver;
        if (driver is HostDriver or NullDriver)
        {
            throw EngineException.Forbidden(NetworkMessages.OnlyOneInstance(driver));
        }

        if (driver != BridgeDriver)
        {
            throw EngineException.NotFound(NetworkMessages.PluginNotFound(driver));
        }

        if (request.ConfigOnly || !string.IsNullOrEmpty(request.ConfigFrom?.Network))
        {
            throw EngineException.InvalidParameter("config-only networks are not supported");
        }

        var options = new Dictionary<string, string>(request.Options ?? [], StringComparer.Ordinal);
        if (!(request.EnableIPv4 ?? OptionBool(options, EnableIPv4Option, true)))
        {
            throw EngineException.InvalidParameter("networks without IPv4 are not supported");
        }

        var enableIPv6 = request.EnableIPv6 ?? OptionBool(options, EnableIPv6Option, false);
        if (request.EnableIPv6 is not null)
        {
            options.Remove(EnableIPv6Option);
        }

        IpamValidation.Validate(request.IPAM, enableIPv6);
        var ipamDriver = string.IsNullOrEmpty(request.IPAM?.Driver) ? "default" : request.IPAM.Driver;
        if (ipamDriver != "default")
        {
            throw EngineException.NotFound(NetworkMessages.PluginNotFound(ipamDriver));
        }

        var configs = request.IPAM?.Config ?? [];
        var v4 = SingleConfig(configs, AddressFamily.InterNetwork);
        var v6 = enableIPv6 ? SingleConfig(configs, AddressFamily.InterNetworkV6) : null;
        var mtu = _options.Mtu;
        if (options.TryGetValue(MtuOption, out var mtuText)
            && (!int.TryParse(mtuText, NumberStyles.None, CultureInfo.InvariantCulture, out mtu) || mtu < 68 || mtu > 65535))
        {
            throw EngineException.InvalidParameter($"invalid MTU number: {mtuText}");
        }

        var icc = OptionBool(options, IccOption, true);
        var masquerade = OptionBool(options, MasqueradeOption, true);
        var id = NewId();
        var bridgeName = options.TryGetValue(BridgeNameOption, out var requestedBridge) && requestedBridge.Length > 0 ? requestedBridge : "br-" + id[..12];
        if (bridgeName.Length > MaxInterfaceNameLength || bridgeName.Contains('/', StringComparison.Ordinal) || bridgeName.Any(char.IsWhiteSpace))
        {
            throw EngineException.InvalidParameter($"invalid bridge name: {bridgeName}");
        }

        NetworkInfo created;
        lock (_gate)
        {
            if (_networks.Any(n => n.Info.Name == name))
            {
                throw EngineException.Conflict(NetworkMessages.NameExists(name));
            }

            if (_networks.FirstOrDefault(n => n.Info.IsBridge && n.Info.BridgeName == bridgeName) is { } sameBridge)
            {
                throw EngineException.Conflict($"bridge name {bridgeName} is already used by network {sameBridge.Info.Name}");
            }

            var (subnet, userSubnet) = ChooseSubnet(v4);
            IPNetwork? subnetV6 = enableIPv6 ? ChooseSubnetV6(v6) : null;
            var stored = new StoredNetwork
            {
                Id = id,
                Name = name,
                Driver = BridgeDriver,
                BridgeName = bridgeName,
                Created = _time.GetUtcNow(),
                Subnet = AddressMath.Format(subnet),
                Gateway = (AddressMath.ParseAddress(v4?.Gateway) ?? FirstHost(subnet))!.ToString(),
                IPRange = AddressMath.ParseNetwork(v4?.IPRange) is { } range ? AddressMath.Format(range) : null,
                SubnetV6 = subnetV6 is { } s6 ? AddressMath.Format(s6) : null,
                GatewayV6 = subnetV6 is null ? null : (AddressMath.ParseAddress(v6?.Gateway) ?? FirstHost(subnetV6))!.ToString(),
                IPRangeV6 = AddressMath.ParseNetwork(v6?.IPRange) is { } range6 ? AddressMath.Format(range6) : null,
                UserSubnet = userSubnet,
                UserSubnetV6 = v6?.Subnet is not null,
                AuxiliaryAddresses = AuxiliaryAddresses(v4, v6),
                Internal = request.Internal,
                EnableIPv6 = subnetV6 is not null,
                Attachable = request.Attachable,
                Mtu = mtu,
                InterContainerCommunication = icc,
                Masquerade = masquerade,
                IpamDriver = ipamDriver,
                IpamOptions = request.IPAM?.Options is { } ipamOptions ? new Dictionary<string, string>(ipamOptions, StringComparer.Ordinal) : null,
                Options = options,
                Labels = new Dictionary<string, string>(request.Labels ?? [], StringComparer.Ordinal),
            };

            var entry = ToEntry(stored);
            BringUp(entry.Info);
            try
            {
                Store(stored);
            }
            catch
            {
                TearDownQuietly(entry.Info);
                throw;
            }

            created = entry.Info;
        }

        Publish(created, "create");
        return new NetworkCreateResponse { Id = created.Id, Warning = "" };
    }

    public void Remove(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        NetworkInfo removed;
        lock (_gate)
        {
            var entry = Find(nameOrId) ?? throw EngineException.NotFound(NetworkMessages.NotFound(nameOrId));
            if (IsPredefined(entry))
            {
                throw EngineException.Forbidden(NetworkMessages.PredefinedRemove(entry.Info.Name));
            }

            if (HasEndpoints(entry.Info.Id))
            {
                throw EngineException.Forbidden(NetworkMessages.ActiveEndpoints(entry.Info.Name, entry.Info.Id));
            }

            TearDown(entry);
            removed = entry.Info;
        }

        Publish(removed, "destroy");
    }

    public NetworkPruneResponse Prune(string? filtersJson)
    {
        var filters = ImageFilters.Parse(filtersJson, PruneFilterKeys);
        var until = DateTimeOffset.MaxValue;
        foreach (var value in filters.Get("until"))
        {
            try
            {
                var timestamp = DockerTimestamp.Parse(GoTimestamp.GetTimestamp(value, _time.GetLocalNow()));
                until = timestamp < until ? timestamp : until;
            }
            catch (FormatException ex)
            {
                throw EngineException.InvalidParameter(ex.Message);
            }
        }

        var removed = new List<NetworkInfo>();
        lock (_gate)
        {
            foreach (var entry in _networks.ToList())
            {
                if (IsPredefined(entry)
                    || HasEndpoints(entry.Info.Id)
                    || entry.Info.Created > until
                    || !filters.LabelsMatch("label", entry.Info.Labels)
                    || !filters.LabelsMatch("label!", entry.Info.Labels, negate: true))
                {
                    continue;
                }

                TearDown(entry);
                removed.Add(entry.Info);
            }
        }

        foreach (var network in removed)
        {
            Publish(network, "destroy");
        }

        _events.Publish(EventType, "prune", "", new Dictionary<string, string>(StringComparer.Ordinal));
        return new NetworkPruneResponse { NetworksDeleted = removed.Count == 0 ? null : [.. removed.Select(n => n.Name)] };
    }

    private static bool IsPredefined(NetworkEntry entry) => entry.Stored.IsDefaultBridge || entry.Info.Driver is HostDriver or NullDriver;

    /// <summary>Bridge and firewall rules for a new network; on failure nothing of them is left.</summary>
    private void BringUp(NetworkInfo network)
    {
        try
        {
            _dataplane.EnsureBridge(BridgeSpecOf(network));
            if (_options.Iptables)
            {
                _firewall.AddNetwork(FirewallNetworkOf(network));
            }
        }
        catch
        {
            TearDownQuietly(network);
            throw;
        }
    }

    /// <summary>Firewall rules, bridge, then the row: a failure half-way keeps the row, so the network can be removed again.</summary>
    private void TearDown(NetworkEntry entry)
    {
        if (_options.Iptables)
        {
            _firewall.RemoveNetwork(entry.Info.BridgeName);
        }

        _dataplane.RemoveBridge(entry.Info.BridgeName);
        _table.Delete(entry.Info.Id);
        _networks.Remove(entry);
        _leases.Remove(entry.Info.Id);
    }

    private void TearDownQuietly(NetworkInfo network)
    {
        try
        {
            if (_options.Iptables)
            {
                _firewall.RemoveNetwork(network.BridgeName);
            }
        }
        catch (EngineException)
        {
            // The original failure is the one to report.
        }

        try
        {
            _dataplane.RemoveBridge(network.BridgeName);
        }
        catch (EngineException)
        {
            // As above.
        }
    }

    private (IPNetwork Subnet, bool UserSubnet) ChooseSubnet(IpamPoolConfig? config)
    {
        var taken = _networks.Select(n => n.Info.Subnet).OfType<IPNetwork>().ToList();
        if (AddressMath.ParseNetwork(config?.Subnet) is { } requested)
        {
            if (taken.Any(t => AddressMath.Overlaps(t, requested)))
            {
                throw EngineException.Forbidden(NetworkMessages.PoolOverlap);
            }

            return (requested, true);
        }

        var chosen = SubnetChooser.Choose(Pools, taken.Concat(ForeignRoutes()))
            ?? throw EngineException.Forbidden(NetworkMessages.NoPoolAvailable);
        return (chosen, false);
    }

    /// <summary>The requested IPv6 subnet, or a random unique-local /64 (what dockerd 27+ does when none is given).</summary>
    private IPNetwork ChooseSubnetV6(IpamPoolConfig? config)
    {
        var taken = _networks.Select(n => n.Info.SubnetV6).OfType<IPNetwork>().ToList();
        if (AddressMath.ParseNetwork(config?.Subnet) is { } requested)
        {
            if (taken.Any(t => AddressMath.Overlaps(t, requested)))
            {
                throw EngineException.Forbidden(NetworkMessages.PoolOverlap);
            }

            return requested;
        }

        while (true)
        {
            var bytes = new byte[16];
            bytes[0] = 0xfd;
            RandomNumberGenerator.Fill(bytes.AsSpan(1, 5));
            var candidate = new IPNetwork(new IPAddress(bytes), 64);
            if (!taken.Any(t => AddressMath.Overlaps(t, candidate)))
            {
                return candidate;
            }
        }
    }

    /// <summary>One pool per address family is what wharf's bridges carry; more is refused rather than half-honoured.</summary>
    private static IpamPoolConfig? SingleConfig(IReadOnlyList<IpamPoolConfig> configs, AddressFamily family)
    {
        var matching = configs.Where(c => AddressMath.ParseNetwork(c.Subnet)?.BaseAddress.AddressFamily == family).ToList();
        if (matching.Count > 1)
        {
            var version = family == AddressFamily.InterNetwork ? 4 : 6;
            throw EngineException.InvalidParameter($"only one IPv{version} subnet per network is supported");
        }

        return matching.Count == 1 ? matching[0] : null;
    }

    private static Dictionary<string, string> AuxiliaryAddresses(IpamPoolConfig? v4, IpamPoolConfig? v6)
    {
        var aux = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (v4?.AuxiliaryAddresses ?? []).Concat(v6?.AuxiliaryAddresses ?? []))
        {
            aux[key] = value;
        }

        return aux;
    }

    /// <summary>A boolean driver option (Go's strconv.ParseBool); absent means <paramref name="fallback"/>.</summary>
    private static bool OptionBool(Dictionary<string, string> options, string key, bool fallback)
    {
        if (!options.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return text switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw EngineException.InvalidParameter($"driver-opt \"{key}\" is not a valid bool"),
        };
    }
}
