using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Integration.Tests.Harness;

/// <summary>
/// A tiny upstream DNS server over UDP for tests of forwarding: it answers A queries for names it was given, NXDOMAIN
/// for the rest, and remembers every name asked. Bound inside a daemon's network namespace (on loopback), so the
/// resolver under test never needs the host's real one.
/// </summary>
public sealed class FakeDnsServer : IDisposable
{
    private const ushort TypeA = 1;
    private const ushort ClassInternet = 1;
    private const int HeaderLength = 12;

    private readonly Socket _socket;
    private readonly ConcurrentDictionary<string, IPAddress> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _questions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private FakeDnsServer(Socket socket)
    {
        _socket = socket;
        _serving = Task.Run(ServeAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Every question name received, in order, without the trailing dot.</summary>
    public IReadOnlyList<string> Questions => [.. _questions];

    /// <summary>Listens on <paramref name="address"/>:53 (UDP) inside the network namespace at <paramref name="namespacePath"/>.</summary>
    public static FakeDnsServer StartIn(string namespacePath, IPAddress address, int port = 53)
    {
        var socket = NamespaceSockets.OpenIn(namespacePath, () =>
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(address, port));
            return udp;
        });
        return new FakeDnsServer(socket);
    }

    /// <summary>Answers A queries for <paramref name="name"/> with <paramref name="address"/> from now on.</summary>
    public void Add(string name, IPAddress address) => _records[name.TrimEnd('.')] = address;

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The receive loop ends with the socket; how it ended is of no interest.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var buffer = new byte[1500];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (Answer(buffer.AsSpan(0, received.ReceivedBytes)) is { } reply)
            {
                try
                {
                    await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        }
    }

    private byte[]? Answer(ReadOnlySpan<byte> query)
    {
        if (query.Length < HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
        {
            return null;
        }

        // One question: labels up to the root label, then type and class.
        var name = new StringBuilder();
        var offset = HeaderLength;
        while (offset < query.Length && query[offset] != 0)
        {
            var length = query[offset];
            if ((length & 0xC0) != 0 || offset + 1 + length > query.Length)
            {
                return null;
            }

            name.Append(name.Length > 0 ? "." : "").Append(Encoding.ASCII.GetString(query.Slice(offset + 1, length)));
            offset += 1 + length;
        }

        var questionEnd = offset + 1 + 4;
        if (questionEnd > query.Length)
        {
            return null;
        }

        var questionType = BinaryPrimitives.ReadUInt16BigEndian(query[(offset + 1)..]);
        _questions.Enqueue(name.ToString());
        var known = _records.TryGetValue(name.ToString(), out var address);
        var answers = known && questionType == TypeA ? 1 : 0;

        var reply = new byte[questionEnd + (answers * 16)];
        query[..questionEnd].CopyTo(reply);
        // QR, the client's RD, RA; rcode 3 (NXDOMAIN) for names it does not know, NOERROR (maybe without data) otherwise.
        var flags = (ushort)(0x8080 | ((query[2] & 0x01) << 8) | (known ? 0 : 3));
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(6), (ushort)answers);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(10), 0);
        if (answers == 1)
        {
            var answer = reply.AsSpan(questionEnd);
            BinaryPrimitives.WriteUInt16BigEndian(answer, 0xC000 | HeaderLength);
            BinaryPrimitives.WriteUInt16BigEndian(answer[2..], TypeA);
            BinaryPrimitives.WriteUInt16BigEndian(answer[4..], ClassInternet);
            BinaryPrimitives.WriteUInt32BigEndian(answer[6..], 60);
            BinaryPrimitives.WriteUInt16BigEndian(answer[10..], 4);
            address!.TryWriteBytes(answer[12..], out _);
        }

        return reply;
    }
}
