using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Engine.Tests.Networking;

/// <summary>
/// A resolver on 127.0.0.1 (UDP and TCP on one port) answering every query through <see cref="Respond"/>;
/// null from it means no reply (a dead upstream).
/// </summary>
internal sealed class DnsFakeUpstream : IAsyncDisposable
{
    private readonly Socket _udp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _tcp = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;

    public DnsFakeUpstream(Func<byte[], byte[]?> respond)
    {
        Respond = respond;
        _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_udp.LocalEndPoint!;
        _tcp.Bind(EndPoint);
        _tcp.Listen(8);
        _udpLoop = Task.Run(ServeUdpAsync);
        _tcpLoop = Task.Run(ServeTcpAsync);
    }

    public Func<byte[], byte[]?> Respond { get; set; }

    public IPEndPoint EndPoint { get; }

    public int UdpQueries;

    public int TcpQueries;

    public List<ushort> ReceivedIds { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Dispose();
        await Task.WhenAll(_udpLoop, _tcpLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            Interlocked.Increment(ref UdpQueries);
            Record(query);
            if (Respond(query) is { } reply)
            {
                await _udp.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var connection = await _tcp.AcceptAsync(_stop.Token);
            var lengthBytes = new byte[2];
            await connection.ReceiveAsync(lengthBytes, SocketFlags.None, _stop.Token);
            var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthBytes)];
            var filled = 0;
            while (filled < query.Length)
            {
                filled += await connection.ReceiveAsync(query.AsMemory(filled), SocketFlags.None, _stop.Token);
            }

            Interlocked.Increment(ref TcpQueries);
            Record(query);
            if (Respond(query) is { } reply)
            {
                var framed = new byte[reply.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                reply.CopyTo(framed, 2);
                await connection.SendAsync(framed, SocketFlags.None, _stop.Token);
            }
        }
    }

    private void Record(byte[] query)
    {
        lock (ReceivedIds)
        {
            ReceivedIds.Add(BinaryPrimitives.ReadUInt16BigEndian(query));
        }
    }
}
