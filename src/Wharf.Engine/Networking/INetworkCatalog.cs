using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>
/// Networks and address leases for the parts that attach containers (the container service's networking, the DNS).
/// Backed by SQLite; every method is safe to call from many threads.
/// </summary>
public interface INetworkCatalog
{
    /// <summary>By full name, full ID or unique ID prefix, as dockerd resolves; NotFound <c>network X not found</c> otherwise.</summary>
    NetworkInfo Resolve(string nameOrId);

    NetworkInfo? TryResolve(string nameOrId);

    IReadOnlyList<NetworkInfo> All();

    /// <summary>
    /// Leases addresses for a container's endpoint: the requested ones (InvalidParameter / Conflict with dockerd's
    /// messages when outside the subnet or taken: <c>Address already in use</c>) or the next free ones in the
    /// network's range; MAC from the IPv4 address as Docker derives it (02:42:…) unless one is asked for.
    /// Committed to the database before it returns.
    /// </summary>
    EndpointLease Allocate(string networkId, string containerId, IPAddress? requestedIPv4, IPAddress? requestedIPv6, string? requestedMac, IReadOnlyList<string> aliases);

    /// <summary>Gives back a container's lease on a network; nothing to release is fine.</summary>
    void Release(string networkId, string containerId);

    IReadOnlyList<EndpointLease> LeasesOf(string containerId);

    IReadOnlyList<EndpointLease> LeasesOn(string networkId);

    IReadOnlyList<EndpointLease> AllLeases();
}
