using System.Net;
using System.Net.Sockets;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// A resolver on the host's 127.0.0.1 (loopback only, never a real resolver): A queries for "nosuch.test" get NXDOMAIN,
/// other A queries 192.0.2.55, other types an empty NOERROR.
/// </summary>
internal sealed class EmbeddedDnsLoopbackUpstream : IAsyncDisposable
{
    public static readonly byte[] ForwardedAddress = [192, 0, 2, 55];

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public EmbeddedDnsLoopbackUpstream()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(ServeAsync);
    }

    public IPEndPoint EndPoint { get; }

    public int Queries;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            Interlocked.Increment(ref Queries);
            var reply = Reply(buffer.AsSpan(0, received.ReceivedBytes));
            await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
        }
    }

    private static byte[] Reply(ReadOnlySpan<byte> query)
    {
        // Question assumed uncompressed (busybox's queries are): labels from 12 to the root, then type and class.
        var position = 12;
        var labels = new List<string>();
        while (query[position] != 0)
        {
            labels.Add(System.Text.Encoding.ASCII.GetString(query.Slice(position + 1, query[position])));
            position += 1 + query[position];
        }

        var questionEnd = position + 5;
        var type = (query[position + 1] << 8) | query[position + 2];
        var name = string.Join('.', labels);
        var reply = new List<byte>(query[..questionEnd].ToArray());
        reply[2] = (byte)(0x80 | (reply[2] & 0x01));
        reply[3] = 0x80;
        reply[6] = reply[7] = reply[8] = reply[9] = reply[10] = reply[11] = 0;
        if (type == 1 && name.Equals("nosuch.test", StringComparison.OrdinalIgnoreCase))
        {
            reply[3] = 0x83;
        }
        else if (type == 1)
        {
            reply[7] = 1;
            reply.AddRange([0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, .. ForwardedAddress]);
        }

        return [.. reply];
    }
}
