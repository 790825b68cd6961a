using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Wharf.Engine.Networking.Dns;

/// <summary>
/// Relays a query to the upstream resolvers from wharfd's own namespace (callers run on ordinary pool threads), one
/// at a time within a shared time budget, as libnetwork's forwardExtDNS does: SERVFAIL and REFUSED move on to the next.
/// Each attempt uses a fresh socket and a random ID so a spoofed or late reply is never taken for the answer.
/// </summary>
internal sealed class DnsForwarder(TimeSpan timeout, int maxUpstreams)
{
    /// <summary>
    /// The upstream's reply in <paramref name="response"/> (at least 65535 bytes) with the client's ID restored;
    /// its length, or 0 when no upstream gave a usable answer.
    /// </summary>
    public async ValueTask<int> ForwardAsync(
        ReadOnlyMemory<byte> query, IReadOnlyList<IPEndPoint> upstreams, bool overTcp, Memory<byte> response, CancellationToken cancellationToken)
    {
        if (query.Length < DnsWire.HeaderLength || upstreams.Count == 0)
        {
            return 0;
        }

        var clientId = BinaryPrimitives.ReadUInt16BigEndian(query.Span);
        var outgoing = ArrayPool<byte>.Shared.Rent(query.Length + 2);
        try
        {
            var attempts = Math.Min(upstreams.Count, maxUpstreams);
            var started = Stopwatch.GetTimestamp();
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                var remaining = timeout - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                var upstreamId = (ushort)RandomNumberGenerator.GetInt32(0x10000);
                query.Span.CopyTo(outgoing.AsSpan(2));
                BinaryPrimitives.WriteUInt16BigEndian(outgoing, (ushort)query.Length);
                DnsResponseWriter.SetId(outgoing.AsSpan(2), upstreamId);
                using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                budget.CancelAfter(remaining / (attempts - attempt));
                int length;
                try
                {
                    length = overTcp
                        ? await ExchangeTcpAsync(upstreams[attempt], outgoing.AsMemory(0, query.Length + 2), upstreamId, response, budget.Token).ConfigureAwait(false)
                        : await ExchangeUdpAsync(upstreams[attempt], outgoing.AsMemory(2, query.Length), upstreamId, response, budget.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue;
                }
                catch (SocketException)
                {
                    continue;
                }

                var code = (DnsResponseCode)(response.Span[3] & DnsWire.ResponseCodeMask);
                if (length == 0 || code is DnsResponseCode.ServerFailure or DnsResponseCode.Refused)
                {
                    continue;
                }

                DnsResponseWriter.SetId(response.Span, clientId);
                return length;
            }

            return 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(outgoing);
        }
    }

    private static async ValueTask<int> ExchangeUdpAsync(
        IPEndPoint upstream, ReadOnlyMemory<byte> query, ushort id, Memory<byte> response, CancellationToken cancellationToken)
    {
        using var socket = new Socket(upstream.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(upstream, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(query, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // A connected socket only sees the upstream's datagrams; the ID check drops stale or forged ones.
            var received = await socket.ReceiveAsync(response, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (IsReplyTo(response.Span[..received], id))
            {
                return received;
            }
        }
    }

    private static async ValueTask<int> ExchangeTcpAsync(
        IPEndPoint upstream, ReadOnlyMemory<byte> framedQuery, ushort id, Memory<byte> response, CancellationToken cancellationToken)
    {
        using var socket = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(upstream, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(framedQuery, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (!await DnsStream.ReadExactlyAsync(socket, response[..2], cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(response.Span);
        if (!await DnsStream.ReadExactlyAsync(socket, response[..length], cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        return IsReplyTo(response.Span[..length], id) ? length : 0;
    }

    private static bool IsReplyTo(ReadOnlySpan<byte> message, ushort id) =>
        message.Length >= DnsWire.HeaderLength
        && BinaryPrimitives.ReadUInt16BigEndian(message) == id
        && (BinaryPrimitives.ReadUInt16BigEndian(message[2..]) & DnsWire.FlagResponse) != 0;
}
