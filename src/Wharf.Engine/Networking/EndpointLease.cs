using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>
/// A container's endpoint on a network while it runs: its addresses (held in the <c>ip_leases</c> table, so no
/// address is handed out twice on one network, across restarts) and the names other containers find it by.
/// </summary>
/// <param name="EndpointId">64 hex, new for every start or connect; the host-side veth is <c>wv</c> + its first 11 chars.</param>
/// <param name="Aliases">Network aliases (<c>--network-alias</c>, connect <c>--alias</c>) for the embedded DNS.</param>
public sealed record EndpointLease(
    string NetworkId,
    string ContainerId,
    string EndpointId,
    IPAddress? IPv4,
    int PrefixLength,
    IPAddress? IPv6,
    int PrefixLengthV6,
    string MacAddress,
    IReadOnlyList<string> Aliases);
