using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Networking.Dns;
using Wharf.Integration.Tests.Harness;
using Wharf.Linux;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// The embedded DNS in a real network namespace made by the test: busybox nslookup inside it asks 127.0.0.11.
/// Traffic stays on the namespace's loopback and the host's 127.0.0.1 (the fake upstream).
/// </summary>
public sealed class EmbeddedDnsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    [RootFact]
    public async Task Names_resolve_inside_the_namespace_and_others_are_forwarded_to_the_upstream()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharf-dns-test-" + Guid.NewGuid().ToString("N"));
        var namespacePath = Path.Combine(directory, "netns");
        await using var upstream = new EmbeddedDnsLoopbackUpstream();
        var dns = new EmbeddedDns(new EmbeddedDnsTestRecords(upstream.EndPoint));
        try
        {
            NetworkNamespace.Create(namespacePath);
            await RunAsync("nsenter", $"--net={namespacePath}", "ip", "link", "set", "lo", "up");
            dns.Attach("c1", namespacePath);
            dns.Attach("c1", namespacePath);

            var byName = await RunAsync("nsenter", $"--net={namespacePath}", "busybox", "nslookup", "web", "127.0.0.11");
            var byAlias = await RunAsync("nsenter", $"--net={namespacePath}", "busybox", "nslookup", "WEB-ALIAS", "127.0.0.11");
            var reverse = await RunAsync("nsenter", $"--net={namespacePath}", "busybox", "nslookup", "10.99.0.2", "127.0.0.11");
            var forwarded = await RunAsync("nsenter", $"--net={namespacePath}", "busybox", "nslookup", "elsewhere.test", "127.0.0.11");
            var unknown = await RunAsync("nsenter", $"--net={namespacePath}", "busybox", "nslookup", "nosuch.test", "127.0.0.11");
            var overTcp = NetworkNamespace.Run(namespacePath, () => QueryTcp(new IPEndPoint(IPAddress.Parse("127.0.0.11"), 53), "web"));

            Assert.Contains("10.99.0.2", byName.Stdout, StringComparison.Ordinal);
            Assert.Contains("10.99.0.2", byAlias.Stdout, StringComparison.Ordinal);
            Assert.Contains("web.testnet", reverse.Stdout, StringComparison.Ordinal);
            Assert.Contains("192.0.2.55", forwarded.Stdout, StringComparison.Ordinal);
            Assert.Contains("NXDOMAIN", unknown.Stdout + unknown.Stderr, StringComparison.Ordinal);
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Equal(EmbeddedDnsTestRecords.WebAddress.GetAddressBytes(), overTcp);
            Assert.True(upstream.Queries >= 2);

            dns.Detach("c1");
            var afterDetach = await RunAsync("nsenter", $"--net={namespacePath}", "busybox", "nslookup", "web", "127.0.0.11");
            Assert.DoesNotContain("10.99.0.2", afterDetach.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            await dns.DisposeAsync();
            NetworkNamespace.Remove(namespacePath);
            Directory.Delete(directory, recursive: true);
        }
    }

    [RootFact]
    public async Task Attaching_in_a_namespace_is_cheap()
    {
        const int Namespaces = 20;
        var directory = Path.Combine(Path.GetTempPath(), "wharf-dns-test-" + Guid.NewGuid().ToString("N"));
        var paths = Enumerable.Range(0, Namespaces).Select(index => Path.Combine(directory, $"netns{index}")).ToArray();
        await using var upstream = new EmbeddedDnsLoopbackUpstream();
        var dns = new EmbeddedDns(new EmbeddedDnsTestRecords(upstream.EndPoint));
        try
        {
            foreach (var path in paths)
            {
                NetworkNamespace.Create(path);
                await RunAsync("nsenter", $"--net={path}", "ip", "link", "set", "lo", "up");
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var index = 0; index < Namespaces; index++)
            {
                dns.Attach($"c{index}", paths[index]);
            }

            watch.Stop();
            var lookup = await RunAsync("nsenter", $"--net={paths[^1]}", "busybox", "nslookup", "web", "127.0.0.11");
            output.WriteLine($"attach in a namespace: {watch.Elapsed.TotalMilliseconds / Namespaces:F2} ms/container");

            Assert.Contains("10.99.0.2", lookup.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            await dns.DisposeAsync();
            foreach (var path in paths)
            {
                NetworkNamespace.Remove(path);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<ProcessResult> RunAsync(string command, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, CommandTimeout);
        output.WriteLine($"$ {command} {string.Join(' ', arguments)} -> {result.ExitCode}\n{result.Stdout}{result.Stderr}");
        return result;
    }

    /// <summary>One A query over TCP from inside the namespace (busybox nslookup only speaks UDP); the first answer's data.</summary>
    private static byte[] QueryTcp(IPEndPoint server, string name)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
        socket.Connect(server);
        byte[] query = [0, 0, 0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte)name.Length, .. System.Text.Encoding.ASCII.GetBytes(name), 0, 0, 1, 0, 1];
        BinaryPrimitives.WriteUInt16BigEndian(query, (ushort)(query.Length - 2));
        socket.Send(query);
        var reply = new byte[1024];
        var filled = 0;
        while (filled < 2 || filled < 2 + BinaryPrimitives.ReadUInt16BigEndian(reply))
        {
            var received = socket.Receive(reply.AsSpan(filled));
            Assert.NotEqual(0, received);
            filled += received;
        }

        // Header 12 + question (name, type, class) + answer pointer, type, class, TTL, length: the address is last.
        return reply[(filled - 4)..filled];
    }
}
