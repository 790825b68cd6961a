using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Networking.Dns;
using Xunit.Abstractions;

namespace Wharf.Engine.Tests.Networking;

/// <summary>
/// What a container's resolver costs (memory, attach time) and how fast it answers: figures for the test output only
/// (performance is measured by bench/, never asserted: GC and a busy machine make such numbers noise here).
/// </summary>
public sealed class DnsServerCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_hundred_containers_attach_and_every_query_is_answered()
    {
        var records = new DnsFakeRecordSource();
        records.Names["web"] = [IPAddress.Parse("172.20.0.2")];
        await using var dns = new EmbeddedDns(records, new EmbeddedDnsOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            ListenInContainerNamespace = false,
        });
        dns.Attach("warmup", "/unused");
        const int Containers = 300;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var attaching = Stopwatch.StartNew();
        for (var index = 0; index < Containers; index++)
        {
            dns.Attach($"c{index}", "/unused");
        }

        attaching.Stop();
        await Task.Delay(200);
        var perContainer = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / Containers;

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await client.ConnectAsync(dns.EndPointsOf("c7")!.Value.Udp);
        var query = DnsTestMessages.Query(1, "web", DnsTestMessages.TypeA);
        var reply = new byte[512];
        var latencies = new List<double>();
        for (var round = 0; round < 2000; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await client.SendAsync(query);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var received = await client.ReceiveAsync(reply, SocketFlags.None, timeout.Token);
            Assert.True(received > 12, "a DNS answer");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        var p99 = latencies[latencies.Count * 99 / 100];
        output.WriteLine($"attach: {attaching.Elapsed.TotalMicroseconds / Containers:F0} µs/container; managed memory: {perContainer} B/container; UDP A query round trip: median {median:F0} µs, p99 {p99:F0} µs");

        Assert.All(Enumerable.Range(0, Containers), index => Assert.NotNull(dns.EndPointsOf($"c{index}")));
    }
}
