using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>What the embedded DNS asks about containers; answers reflect starts, stops, renames and connects at once.</summary>
public interface IDnsRecordSource
{
    /// <summary>
    /// Addresses for <paramref name="name"/> (a container name, network alias, or container ID prefix of 12+ chars,
    /// case-insensitive, without a trailing dot) on the user-defined networks the asking container is on; empty
    /// when no container has that name (the DNS then forwards it to the upstream resolvers).
    /// </summary>
    IReadOnlyList<IPAddress> Lookup(string askingContainerId, string name);

    /// <summary>The container name for a PTR query of an address on the asking container's networks, or null.</summary>
    string? ReverseLookup(string askingContainerId, IPAddress address);

    /// <summary>The resolvers to forward other names to for this container (its <c>--dns</c>, the daemon's, else the host's resolv.conf).</summary>
    IReadOnlyList<IPEndPoint> Upstreams(string askingContainerId);
}
