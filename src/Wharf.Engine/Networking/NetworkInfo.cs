using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>
/// One network as the other engine parts see it. Driver <c>bridge</c> (the default <c>bridge</c> network and every
/// user-defined one), <c>host</c> or <c>null</c> (the <c>none</c> network). Bridge-only fields are empty for the others.
/// </summary>
/// <param name="BridgeName">The Linux bridge device (<c>wharf0</c> for the default network, <c>br-&lt;id[..12]&gt;</c> otherwise, or <c>com.docker.network.bridge.name</c>).</param>
/// <param name="IPRange">The part of <paramref name="Subnet"/> dynamic addresses come from (<c>--ip-range</c>, <c>--fixed-cidr</c>); null for the whole subnet.</param>
/// <param name="IsDefaultBridge">The predefined <c>bridge</c> network: no embedded DNS, <c>--link</c> allowed, no aliases.</param>
/// <param name="InterContainerCommunication">dockerd's <c>--icc</c> / <c>com.docker.network.bridge.enable_icc</c>.</param>
/// <param name="Masquerade">dockerd's <c>--ip-masq</c> / <c>com.docker.network.bridge.enable_ip_masquerade</c> (never for internal networks).</param>
public sealed record NetworkInfo(
    string Id,
    string Name,
    string Driver,
    string BridgeName,
    IPNetwork? Subnet,
    IPAddress? Gateway,
    IPNetwork? IPRange,
    IPNetwork? SubnetV6,
    IPAddress? GatewayV6,
    bool Internal,
    bool EnableIPv6,
    int Mtu,
    bool IsDefaultBridge,
    bool InterContainerCommunication,
    bool Masquerade,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, string> Labels)
{
    public bool IsBridge => Driver == "bridge";
}
