using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Networking.Service;

public sealed partial class NetworkService
{
    /// <summary>
    /// The predefined <c>bridge</c> network, rebuilt from the flags at every start (its ID and creation time stay).
    /// Subnet: <c>--bip</c>, else <c>--fixed-cidr</c> itself, else the stored one while no host route or other network
    /// clashes with it, else the first pool subnet that clashes with nothing — Docker's 172.17.0.0/16 may well be
    /// taken by a Docker on the same host.
    /// </summary>
    private void EnsureDefaultBridge()
    {
        var existing = _networks.FirstOrDefault(n => n.Stored.IsDefaultBridge || (n.Info.Name == DefaultBridgeName && n.Info.IsBridge));
        var others = _networks.Where(n => n != existing && n.Info.Subnet is not null).Select(n => n.Info.Subnet!.Value).ToList();
        IPNetwork? fixedCidr = null;
        if (!string.IsNullOrEmpty(_options.FixedCidr))
        {
            fixedCidr = ParseDaemonCidr(_options.FixedCidr, "fixed-cidr");
        }

        IPNetwork subnet;
        IPAddress gateway;
        if (!string.IsNullOrEmpty(_options.Bip))
        {
            if (!AddressMath.TryParsePrefix(_options.Bip, out var bip, out var prefixLength) || bip.AddressFamily != AddressFamily.InterNetwork)
            {
                throw EngineException.InvalidParameter($"invalid bip: {_options.Bip}");
            }

            subnet = AddressMath.Masked(bip, prefixLength);
            gateway = bip;
        }
        else if (fixedCidr is { } cidr)
        {
            subnet = cidr;
            gateway = FirstHost(cidr)!;
        }
        else
        {
            var routes = ForeignRoutes(existing?.Info.Subnet);
            if (existing?.Info.Subnet is { } kept && !routes.Concat(others).Any(r => AddressMath.Overlaps(r, kept)))
            {
                subnet = kept;
                gateway = existing.Info.Gateway ?? FirstHost(kept)!;
            }
            else
            {
                subnet = SubnetChooser.Choose(Pools, routes.Concat(others))
                    ?? throw EngineException.Unavailable(NetworkMessages.NoPoolAvailable);
                gateway = FirstHost(subnet)!;
            }
        }

        if (fixedCidr is { } range && !subnet.Contains(range.BaseAddress))
        {
            throw EngineException.InvalidParameter($"fixed-cidr {AddressMath.Format(range)} is not within the bridge subnet {AddressMath.Format(subnet)}");
        }

        IPNetwork? subnetV6 = null;
        if (_options.Ipv6 && !string.IsNullOrEmpty(_options.FixedCidrV6))
        {
            subnetV6 = ParseDaemonCidr(_options.FixedCidrV6, "fixed-cidr-v6");
        }

        var stored = new StoredNetwork
        {
            Id = existing?.Stored.Id ?? NewId(),
            Name = DefaultBridgeName,
            Driver = BridgeDriver,
            BridgeName = _options.BridgeName,
            Created = existing?.Stored.Created ?? _time.GetUtcNow(),
            Subnet = AddressMath.Format(subnet),
            Gateway = gateway.ToString(),
            IPRange = fixedCidr is { } r ? AddressMath.Format(r) : null,
            SubnetV6 = subnetV6 is { } s6 ? AddressMath.Format(s6) : null,
            GatewayV6 = FirstHost(subnetV6)?.ToString(),
            UserSubnet = true,
            UserSubnetV6 = subnetV6 is not null,
            EnableIPv6 = subnetV6 is not null,
            Mtu = _options.Mtu,
            IsDefaultBridge = true,
            InterContainerCommunication = _options.Icc,
            Masquerade = _options.IpMasq,
            IpamOptions = null,
            Options = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["com.docker.network.bridge.default_bridge"] = "true",
                ["com.docker.network.bridge.enable_icc"] = FormatBool(_options.Icc),
                ["com.docker.network.bridge.enable_ip_masquerade"] = FormatBool(_options.IpMasq),
                ["com.docker.network.bridge.host_binding_ipv4"] = "0.0.0.0",
                ["com.docker.network.bridge.name"] = _options.BridgeName,
                ["com.docker.network.driver.mtu"] = _options.Mtu.ToString(CultureInfo.InvariantCulture),
            },
        };

        if (existing is null)
        {
            Store(stored);
        }
        else
        {
            Replace(existing, stored);
        }
    }

    private IReadOnlyList<Wharf.Api.AddressPool> Pools => _options.DefaultAddressPools is { Count: > 0 } pools ? pools : SubnetChooser.DockerDefaultPools;

    /// <summary>
    /// The host's routes that a new subnet must not overlap: not the default route (it overlaps everything) and not
    /// the routes of wharf's own bridges (the kernel adds one per bridge address).
    /// </summary>
    private List<IPNetwork> ForeignRoutes(IPNetwork? alsoOurs = null)
    {
        var ours = _networks.Select(n => n.Info.Subnet).OfType<IPNetwork>().ToHashSet();
        if (alsoOurs is { } extra)
        {
            ours.Add(extra);
        }

        return [.. _dataplane.HostRoutes().Where(r => r.PrefixLength > 0 && !ours.Contains(r))];
    }

    private static IPNetwork ParseDaemonCidr(string text, string flag) =>
        AddressMath.ParseNetwork(text) ?? throw EngineException.InvalidParameter($"invalid {flag}: {text}");

    private static string FormatBool(bool value) => value ? "true" : "false";
}
