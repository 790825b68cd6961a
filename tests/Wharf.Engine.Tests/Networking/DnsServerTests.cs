using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Networking.Dns;

namespace Wharf.Engine.Tests.Networking;

/// <summary>The embedded DNS end to end over loopback: listeners on 127.0.0.1 ephemeral ports, fake upstreams on 127.0.0.1.</summary>
public sealed class DnsServerTests : IAsyncLifetime
{
    private const string Container = "c0ffee";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly DnsFakeRecordSource _records = new();
    private readonly EmbeddedDns _dns;

    public DnsServerTests()
    {
        _records.Names["web"] = [IPAddress.Parse("172.20.0.2")];
        _dns = new EmbeddedDns(_records, new EmbeddedDnsOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            ListenInContainerNamespace = false,
            UpstreamTimeout = TimeSpan.FromSeconds(2),
        });
    }

    public Task InitializeAsync()
    {
        _dns.Attach(Container, "/unused");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dns.DisposeAsync();

    [Fact]
    public async Task Udp_query_for_a_container_is_answered()
    {
        var reply = await QueryUdpAsync(DnsTestMessages.Query(0x4242, "web", DnsTestMessages.TypeA));

        Assert.Equal(0x4242, reply.Id);
        Assert.Equal(new byte[] { 172, 20, 0, 2 }, Assert.Single(reply.Answers).Data);
    }

    [Fact]
    public async Task Tcp_queries_on_one_connection_are_answered()
    {
        using var client = await ConnectTcpAsync();

        var first = await QueryTcpAsync(client, DnsTestMessages.Query(1, "web", DnsTestMessages.TypeA));
        var second = await QueryTcpAsync(client, DnsTestMessages.Query(2, "web", DnsTestMessages.TypeAaaa));

        Assert.Single(first.Answers);
        Assert.Equal(2, second.Id);
        Assert.Empty(second.Answers);
    }

    [Fact]
    public async Task Unknown_names_are_relayed_from_the_upstream_with_the_clients_id_over_udp_and_tcp()
    {
        await using var upstream = new DnsFakeUpstream(query => DnsTestMessages.Reply(query, 0, [192, 0, 2, 7]));
        _records.Resolvers.Add(upstream.EndPoint);

        var udp = await QueryUdpAsync(DnsTestMessages.Query(0x0101, "elsewhere.test", DnsTestMessages.TypeA));
        using var client = await ConnectTcpAsync();
        var tcp = await QueryTcpAsync(client, DnsTestMessages.Query(0x0202, "elsewhere.test", DnsTestMessages.TypeMx));

        Assert.Equal(0x0101, udp.Id);
        Assert.Equal(new byte[] { 192, 0, 2, 7 }, Assert.Single(udp.Answers).Data);
        Assert.Equal(0x0202, tcp.Id);
        Assert.Single(tcp.Answers);
        Assert.Equal(1, upstream.UdpQueries);
        Assert.Equal(1, upstream.TcpQueries);
    }

    [Fact]
    public async Task Upstream_nxdomain_is_relayed()
    {
        await using var upstream = new DnsFakeUpstream(query => DnsTestMessages.Reply(query, 3));
        _records.Resolvers.Add(upstream.EndPoint);

        var reply = await QueryUdpAsync(DnsTestMessages.Query(5, "nosuchname", DnsTestMessages.TypeA));

        Assert.Equal(3, reply.Code);
    }

    [Fact]
    public async Task A_failing_upstream_is_skipped_for_the_next()
    {
        await using var failing = new DnsFakeUpstream(query => DnsTestMessages.Reply(query, 2));
        await using var silent = new DnsFakeUpstream(_ => null);
        await using var working = new DnsFakeUpstream(query => DnsTestMessages.Reply(query, 0, [192, 0, 2, 9]));
        _records.Resolvers.AddRange([failing.EndPoint, silent.EndPoint, working.EndPoint]);

        var reply = await QueryUdpAsync(DnsTestMessages.Query(6, "elsewhere.test", DnsTestMessages.TypeA));

        Assert.Equal(0, reply.Code);
        Assert.Equal(new byte[] { 192, 0, 2, 9 }, Assert.Single(reply.Answers).Data);
        Assert.Equal(1, failing.UdpQueries);
        Assert.Equal(1, silent.UdpQueries);
    }

    [Fact]
    public async Task No_upstreams_or_none_answering_gives_servfail_within_the_timeout()
    {
        var none = await QueryUdpAsync(DnsTestMessages.Query(7, "elsewhere.test", DnsTestMessages.TypeA));
        await using var silent = new DnsFakeUpstream(_ => null);
        _records.Resolvers.Add(silent.EndPoint);
        var watch = Stopwatch.StartNew();

        var timedOut = await QueryUdpAsync(DnsTestMessages.Query(8, "elsewhere.test", DnsTestMessages.TypeA));

        Assert.Equal(2, none.Code);
        Assert.Equal(2, timedOut.Code);
        Assert.Equal(8, timedOut.Id);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Upstream_replies_with_another_id_are_ignored()
    {
        await using var upstream = new DnsFakeUpstream(query =>
        {
            var reply = DnsTestMessages.Reply(query, 0, [192, 0, 2, 1]);
            reply[0] ^= 0xFF;
            return reply;
        });
        _records.Resolvers.Add(upstream.EndPoint);

        var reply = await QueryUdpAsync(DnsTestMessages.Query(9, "elsewhere.test", DnsTestMessages.TypeA));

        Assert.Equal(2, reply.Code);
    }

    [Fact]
    public async Task The_upstream_sees_a_fresh_id_not_the_clients()
    {
        await using var upstream = new DnsFakeUpstream(query => DnsTestMessages.Reply(query, 0));
        _records.Resolvers.Add(upstream.EndPoint);

        for (var round = 0; round < 4; round++)
        {
            await QueryUdpAsync(DnsTestMessages.Query(0x7777, "elsewhere.test", DnsTestMessages.TypeA));
        }

        Assert.Contains(upstream.ReceivedIds, id => id != 0x7777);
    }

    [Fact]
    public async Task Malformed_datagrams_are_dropped_and_the_loop_keeps_serving()
    {
        var endPoint = _dns.EndPointsOf(Container)!.Value.Udp;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await client.ConnectAsync(endPoint);
        byte[] loop = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1];
        await client.SendAsync(loop);
        await client.SendAsync(new byte[3]);
        await client.SendAsync(DnsTestMessages.Reply(DnsTestMessages.Query(1, "web", 1), 0));

        var reply = await QueryUdpAsync(DnsTestMessages.Query(10, "web", DnsTestMessages.TypeA));

        Assert.Equal(10, reply.Id);
    }

    [Fact]
    public async Task Attach_twice_keeps_the_listener_and_detach_closes_it()
    {
        var before = _dns.EndPointsOf(Container);
        _dns.Attach(Container, "/unused");
        Assert.Equal(before, _dns.EndPointsOf(Container));

        _dns.Detach(Container);

        Assert.Null(_dns.EndPointsOf(Container));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(before!.Value.Tcp));
        _dns.Detach(Container);
    }

    [Fact]
    public async Task Many_containers_cost_no_thread_each()
    {
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        for (var index = 0; index < 200; index++)
        {
            _dns.Attach($"extra{index}", "/unused");
        }

        var reply = await QueryUdpAsync(DnsTestMessages.Query(11, "web", DnsTestMessages.TypeA), "extra199");
        var threadsAfter = Process.GetCurrentProcess().Threads.Count;
        for (var index = 0; index < 200; index++)
        {
            _dns.Detach($"extra{index}");
        }

        Assert.Single(reply.Answers);
        Assert.InRange(threadsAfter - threadsBefore, -50, 20);
    }

    private async Task<DnsTestReply> QueryUdpAsync(byte[] query, string container = Container)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await client.ConnectAsync(_dns.EndPointsOf(container)!.Value.Udp);
        await client.SendAsync(query);
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var length = await client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return DnsTestMessages.Read(buffer.AsSpan(0, length));
    }

    private async Task<Socket> ConnectTcpAsync()
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(_dns.EndPointsOf(Container)!.Value.Tcp);
        return client;
    }

    private static async Task<DnsTestReply> QueryTcpAsync(Socket client, byte[] query)
    {
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await client.SendAsync(framed);
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var header = new byte[2];
        Assert.True(await DnsStream.ReadExactlyAsync(client, header, timeout.Token));
        var reply = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        Assert.True(await DnsStream.ReadExactlyAsync(client, reply, timeout.Token));
        return DnsTestMessages.Read(reply);
    }
}
