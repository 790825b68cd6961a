using Wharf.Api;

namespace Wharf.Engine.Networking.Service;

/// <summary>dockerd's networking flags as the network service takes them (<c>--bip</c>, <c>--fixed-cidr</c>, <c>--bridge</c>…).</summary>
public sealed record NetworkServiceOptions
{
    /// <summary>The default bridge's device when <c>--bridge</c> / daemon.json <c>bridge</c> is not given.</summary>
    public const string DefaultBridgeDevice = "wharf0";

    /// <summary><c>--bip</c>: the default bridge's gateway address with the subnet's prefix (<c>192.168.5.1/24</c>).</summary>
    public string? Bip { get; init; }

    /// <summary><c>--fixed-cidr</c>: the part of the default bridge's subnet containers get addresses from.</summary>
    public string? FixedCidr { get; init; }

    /// <summary><c>--fixed-cidr-v6</c>: the default bridge's IPv6 subnet (with <see cref="Ipv6"/>).</summary>
    public string? FixedCidrV6 { get; init; }

    public string BridgeName { get; init; } = DefaultBridgeDevice;

    /// <summary><c>--default-address-pool</c>; null for Docker's (172.17–31.0.0/16, then 192.168.0.0/16 by /20).</summary>
    public IReadOnlyList<AddressPool>? DefaultAddressPools { get; init; }

    public int Mtu { get; init; } = 1500;

    public bool Icc { get; init; } = true;

    public bool IpMasq { get; init; } = true;

    /// <summary>With false wharf's nftables tables are removed and never written.</summary>
    public bool Iptables { get; init; } = true;

    /// <summary>IPv6 on the default bridge (needs <see cref="FixedCidrV6"/>).</summary>
    public bool Ipv6 { get; init; }
}
