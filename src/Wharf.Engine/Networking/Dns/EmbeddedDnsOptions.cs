using System.Net;

namespace Wharf.Engine.Networking.Dns;

/// <summary>Where and how the embedded DNS listens and forwards; the defaults are Docker's.</summary>
public sealed record EmbeddedDnsOptions
{
    /// <summary>The address containers' resolv.conf names; port 0 picks an ephemeral port (tests).</summary>
    public IPEndPoint ListenEndPoint { get; init; } = new(IPAddress.Parse("127.0.0.11"), 53);

    /// <summary>False opens the listening sockets in wharfd's own namespace, so tests can run without root.</summary>
    public bool ListenInContainerNamespace { get; init; } = true;

    /// <summary>Total time to get an answer from the upstream resolvers, shared between them (libnetwork extIOTimeout).</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Upstream resolvers tried per query (libnetwork maxExtDNS).</summary>
    public int MaxUpstreams { get; init; } = 3;

    /// <summary>Forwarded queries in flight across all containers; beyond it queries get SERVFAIL (libnetwork maxConcurrent).</summary>
    public int MaxConcurrentForwards { get; init; } = 1024;

    /// <summary>Open TCP connections per container; more are closed at once.</summary>
    public int MaxTcpConnectionsPerContainer { get; init; } = 32;

    /// <summary>A TCP connection with no complete query for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
