using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Wharf.Engine.Networking.Dns;

/// <summary>
/// One container's resolver: a UDP socket and a TCP listener (opened in its namespace by the caller) served by async
/// loops on the thread pool, so an idle container costs two sockets and a small buffer, not a thread.
/// </summary>
internal sealed class DnsListener
{
    private const int ReceiveBufferLength = 2048;
    private const int MessageBufferLength = DnsWire.MaxMessageLength + 2;

    private readonly string _containerId;
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly EmbeddedDnsShared _shared;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Socket> _connections = [];
    private readonly Lock _connectionsGate = new();
    private Task _completion = Task.CompletedTask;

    public DnsListener(string containerId, Socket udp, Socket tcp, EmbeddedDnsShared shared)
    {
        _containerId = containerId;
        _udp = udp;
        _tcp = tcp;
        _shared = shared;
    }

    public IPEndPoint UdpEndPoint => (IPEndPoint)_udp.LocalEndPoint!;

    public IPEndPoint TcpEndPoint => (IPEndPoint)_tcp.LocalEndPoint!;

    /// <summary>Ends when both loops have ended after <see cref="Stop"/>.</summary>
    public Task Completion => _completion;

    public void Start()
    {
        var token = _stop.Token;
        _completion = Task.WhenAll(Task.Run(() => ServeUdpAsync(token)), Task.Run(() => AcceptTcpAsync(token)));
    }

    /// <summary>Closes the sockets (ending pending receives at once) and every open TCP connection.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _udp.Dispose();
        _tcp.Dispose();
        Socket[] open;
        lock (_connectionsGate)
        {
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            connection.Dispose();
        }
    }

    private async Task ServeUdpAsync(CancellationToken token)
    {
        var request = new byte[ReceiveBufferLength];
        var client = new SocketAddress(_udp.AddressFamily);
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _udp.ReceiveFromAsync(request, SocketFlags.None, client, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || token.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                // An ICMP error for an earlier reply surfaces on the next receive; the socket is still fine.
                continue;
            }
            catch (Exception e)
            {
                DnsLog.LoopFailed(_shared.Logger, "udp", _containerId, e.Message);
                break;
            }

            var response = ArrayPool<byte>.Shared.Rent(MessageBufferLength);
            var handedOff = false;
            try
            {
                switch (_shared.Answerer.Answer(_containerId, request.AsSpan(0, received), overUdp: true, response, out var query, out var length))
                {
                    case DnsDisposition.Reply:
                        await _udp.SendToAsync(response.AsMemory(0, length), SocketFlags.None, client, token).ConfigureAwait(false);
                        break;
                    case DnsDisposition.Forward:
                        handedOff = true;
                        _ = ForwardUdpAsync(request.AsSpan(0, received).ToArray(), query, Copy(client), response, token);
                        break;
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or we are stopping; nothing to answer.
            }
            finally
            {
                if (!handedOff)
                {
                    ArrayPool<byte>.Shared.Return(response);
                }
            }
        }
    }

    private async Task ForwardUdpAsync(byte[] request, DnsQuery query, SocketAddress client, byte[] response, CancellationToken token)
    {
        try
        {
            var length = await ForwardAsync(request, query, overTcp: false, response.AsMemory(0, DnsWire.MaxMessageLength), token).ConfigureAwait(false);
            if (length > query.MaxUdpResponseLength)
            {
                // Too big for the client's UDP buffer: the question alone with TC, so it asks again over TCP.
                var code = (DnsResponseCode)(response[3] & DnsWire.ResponseCodeMask);
                length = DnsResponseWriter.WriteReplyStart(request, query, code, response);
                DnsResponseWriter.SetTruncated(response);
            }

            if (length > 0)
            {
                await _udp.SendToAsync(response.AsMemory(0, length), SocketFlags.None, client, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or we are stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(response);
        }
    }

    /// <summary>The upstream's answer, or SERVFAIL as Docker gives when none answers; 0 when there is nothing to send.</summary>
    private async ValueTask<int> ForwardAsync(ReadOnlyMemory<byte> request, DnsQuery query, bool overTcp, Memory<byte> response, CancellationToken token)
    {
        var length = 0;
        if (_shared.ForwardSlots.Wait(0))
        {
            try
            {
                var upstreams = _shared.Records.Upstreams(_containerId);
                length = await _shared.Forwarder.ForwardAsync(request, upstreams, overTcp, response, token).ConfigureAwait(false);
            }
            finally
            {
                _shared.ForwardSlots.Release();
            }

            if (length == 0)
            {
                DnsLog.UpstreamsFailed(_shared.Logger, query.Name, _containerId);
            }
        }
        else
        {
            DnsLog.TooManyForwards(_shared.Logger, _shared.MaxConcurrentForwards);
        }

        return length > 0 ? length : DnsQueryAnswerer.WriteServerFailure(request.Span, query, response.Span);
    }

    private async Task AcceptTcpAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _tcp.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || token.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                // The connection was reset before we took it (ECONNABORTED and the like).
                continue;
            }
            catch (Exception e)
            {
                DnsLog.LoopFailed(_shared.Logger, "tcp", _containerId, e.Message);
                break;
            }

            lock (_connectionsGate)
            {
                if (_connections.Count >= _shared.MaxTcpConnections || token.IsCancellationRequested)
                {
                    connection.Dispose();
                    continue;
                }

                _connections.Add(connection);
            }

            _ = ServeTcpConnectionAsync(connection, token);
        }
    }

    private async Task ServeTcpConnectionAsync(Socket connection, CancellationToken token)
    {
        var request = ArrayPool<byte>.Shared.Rent(MessageBufferLength);
        var response = ArrayPool<byte>.Shared.Rent(MessageBufferLength);
        try
        {
            while (true)
            {
                int requestLength;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(token))
                {
                    idle.CancelAfter(_shared.TcpIdleTimeout);
                    if (!await DnsStream.ReadExactlyAsync(connection, request.AsMemory(0, 2), idle.Token).ConfigureAwait(false))
                    {
                        break;
                    }

                    requestLength = BinaryPrimitives.ReadUInt16BigEndian(request);
                    if (requestLength == 0 || !await DnsStream.ReadExactlyAsync(connection, request.AsMemory(0, requestLength), idle.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }

                var query = request.AsMemory(0, requestLength);
                var body = response.AsMemory(2, DnsWire.MaxMessageLength);
                var disposition = _shared.Answerer.Answer(_containerId, query.Span, overUdp: false, body.Span, out var parsed, out var length);
                if (disposition == DnsDisposition.Drop)
                {
                    // Garbage on a stream: framing can no longer be trusted.
                    break;
                }

                if (disposition == DnsDisposition.Forward)
                {
                    length = await ForwardAsync(query, parsed, overTcp: true, body, token).ConfigureAwait(false);
                }

                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)length);
                await connection.SendAsync(response.AsMemory(0, length + 2), SocketFlags.None, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset, idle too long, or stopping.
        }
        finally
        {
            lock (_connectionsGate)
            {
                _connections.Remove(connection);
            }

            connection.Dispose();
            ArrayPool<byte>.Shared.Return(request);
            ArrayPool<byte>.Shared.Return(response);
        }
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
