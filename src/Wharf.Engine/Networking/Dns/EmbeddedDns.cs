using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Linux;

namespace Wharf.Engine.Networking.Dns;

/// <summary>
/// Docker's embedded DNS (libnetwork's resolver), served by wharfd: per container a UDP and a TCP socket on
/// 127.0.0.11:53 inside its network namespace, answering containers' names, aliases and short IDs from
/// <see cref="IDnsRecordSource"/> and relaying everything else to the upstream resolvers from the host's namespace.
/// </summary>
public sealed class EmbeddedDns : IEmbeddedDns
{
    private const int TcpBacklog = 16;

    private readonly EmbeddedDnsOptions _options;
    private readonly EmbeddedDnsShared _shared;
    private readonly Dictionary<string, DnsListener> _listeners = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public EmbeddedDns(IDnsRecordSource records, EmbeddedDnsOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _options = options ?? new EmbeddedDnsOptions();
        _shared = new EmbeddedDnsShared(records, _options, logger ?? NullLogger.Instance);
    }

    /// <summary>Opens the container's sockets; the namespace's loopback must be up (the engine does that first).</summary>
    public void Attach(string containerId, string namespacePath)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        ArgumentNullException.ThrowIfNull(namespacePath);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_listeners.ContainsKey(containerId))
            {
                return;
            }

            var (udp, tcp) = _options.ListenInContainerNamespace
                ? NetworkNamespace.Run(namespacePath, OpenSockets)
                : OpenSockets();
            var listener = new DnsListener(containerId, udp, tcp, _shared);
            _listeners.Add(containerId, listener);
            listener.Start();
        }
    }

    public void Detach(string containerId)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        DnsListener? listener;
        lock (_gate)
        {
            if (!_listeners.Remove(containerId, out listener))
            {
                return;
            }
        }

        listener.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        DnsListener[] listeners;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            listeners = [.. _listeners.Values];
            _listeners.Clear();
        }

        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        await Task.WhenAll(listeners.Select(listener => listener.Completion)).ConfigureAwait(false);
        _shared.Dispose();
    }

    /// <summary>The container's bound UDP and TCP endpoints (tests bind ephemeral ports), or null when not attached.</summary>
    internal (IPEndPoint Udp, IPEndPoint Tcp)? EndPointsOf(string containerId)
    {
        lock (_gate)
        {
            return _listeners.TryGetValue(containerId, out var listener) ? (listener.UdpEndPoint, listener.TcpEndPoint) : null;
        }
    }

    private (Socket Udp, Socket Tcp) OpenSockets()
    {
        var endPoint = _options.ListenEndPoint;
        var udp = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        Socket? tcp = null;
        try
        {
            udp.Bind(endPoint);
            tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            // A restarted container's namespace is new, but a quick Detach/Attach in the same one may find TIME_WAIT.
            tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            tcp.Bind(endPoint);
            tcp.Listen(TcpBacklog);
            return (udp, tcp);
        }
        catch
        {
            udp.Dispose();
            tcp?.Dispose();
            throw;
        }
    }
}
