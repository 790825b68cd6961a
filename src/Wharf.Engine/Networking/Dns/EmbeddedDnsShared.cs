using Microsoft.Extensions.Logging;

namespace Wharf.Engine.Networking.Dns;

/// <summary>What every container's listener shares: the record source, the answerer, the forwarder and its limits.</summary>
internal sealed class EmbeddedDnsShared(IDnsRecordSource records, EmbeddedDnsOptions options, ILogger logger) : IDisposable
{
    public IDnsRecordSource Records { get; } = records;

    public DnsQueryAnswerer Answerer { get; } = new(records);

    public DnsForwarder Forwarder { get; } = new(options.UpstreamTimeout, options.MaxUpstreams);

    public SemaphoreSlim ForwardSlots { get; } = new(options.MaxConcurrentForwards, options.MaxConcurrentForwards);

    public int MaxConcurrentForwards { get; } = options.MaxConcurrentForwards;

    public int MaxTcpConnections { get; } = options.MaxTcpConnectionsPerContainer;

    public TimeSpan TcpIdleTimeout { get; } = options.TcpIdleTimeout;

    public ILogger Logger { get; } = logger;

    public void Dispose() => ForwardSlots.Dispose();
}
