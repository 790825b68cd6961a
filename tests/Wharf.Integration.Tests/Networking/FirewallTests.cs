using System.Diagnostics;
using System.Net;
using Wharf.Engine.Networking;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// NftablesFirewall against the kernel, inside namespaces the tests make (see <see cref="FirewallSandbox"/>): traffic
/// goes only to their loopback and links, never to this machine's own networks.
/// </summary>
public sealed class FirewallTests(ITestOutputHelper output)
{
    private const string GatewayA = "10.251.1.1";
    private const string ServerA = "10.251.1.2";
    private const string ClientA = "10.251.1.3";
    private const string GatewayB = "10.251.2.1";
    private const string ClientB = "10.251.2.2";

    [RootFact]
    public async Task Published_port_answers_on_loopback_the_bridge_address_other_hosts_and_hairpin_then_goes_away()
    {
        await using var sandbox = new FirewallSandbox();
        await sandbox.CreateHostAndOutsideAsync();
        var bridge = sandbox.Name("wfa");
        await sandbox.AddBridgeAsync(bridge, GatewayA);
        var server = await sandbox.AddContainerAsync("s", bridge, ServerA, GatewayA);
        var neighbour = await sandbox.AddContainerAsync("n", bridge, ClientA, GatewayA);
        await sandbox.ServeAsync(server);
        var network = new FirewallNetwork(bridge, IPNetwork.Parse("10.251.1.0/24"), null, Internal: false, Masquerade: true, InterContainerCommunication: true);
        var ports = new FirewallPortSet("c0ffee0123456789abcdef", bridge, [new PublishedPort("tcp", null, 8080, IPAddress.Parse(ServerA), 80)]);

        sandbox.InHost(f =>
        {
            f.Initialize([network], []);
            return 0;
        });
        var added = sandbox.InHost(f => Timed(() => f.AddPorts(ports)));

        var listing = await sandbox.NftAsync("list", "table", "inet", sandbox.Table);
        output.WriteLine(listing.Stdout);
        Assert.Contains("tcp . 8080 comment \"c0ffee012345\" : 10.251.1.2 . 80", listing.Stdout, StringComparison.Ordinal);
        Assert.True(await sandbox.FetchAsync(sandbox.Host, "http://127.0.0.1:8080/"), "127.0.0.1:8080 from the host");
        Assert.True(await sandbox.FetchAsync(sandbox.Host, $"http://{GatewayA}:8080/"), "the bridge address from the host");
        Assert.True(await sandbox.FetchAsync(sandbox.Outside, "http://10.252.9.1:8080/"), "the host's address from another host");
        Assert.True(await sandbox.FetchAsync(neighbour, $"http://{GatewayA}:8080/"), "hairpin from a container on the same bridge");

        var removed = sandbox.InHost(f => Timed(() => f.RemovePorts(ports.ContainerId)));
        output.WriteLine($"AddPorts {added.TotalMilliseconds:F2} ms, RemovePorts {removed.TotalMilliseconds:F2} ms");

        Assert.DoesNotContain("8080", (await sandbox.NftAsync("list", "table", "inet", sandbox.Table)).Stdout, StringComparison.Ordinal);
        Assert.False(await sandbox.FetchAsync(sandbox.Host, "http://127.0.0.1:8080/"));

        sandbox.InHost(f =>
        {
            f.RemoveAll();
            return 0;
        });
        Assert.NotEqual(0, (await sandbox.NftAsync("list", "table", "inet", sandbox.Table)).ExitCode);
        Assert.Equal(string.Empty, (await sandbox.NftAsync("list", "ruleset")).Stdout.Trim());
    }

    [RootFact]
    public async Task Outbound_traffic_is_masqueraded_except_from_internal_networks()
    {
        await using var sandbox = new FirewallSandbox();
        await sandbox.CreateHostAndOutsideAsync();
        await sandbox.ServeAsync(sandbox.Outside);
        var bridge = sandbox.Name("wfa");
        await sandbox.AddBridgeAsync(bridge, GatewayA);
        var container = await sandbox.AddContainerAsync("c", bridge, ClientA, GatewayA);
        var network = new FirewallNetwork(bridge, IPNetwork.Parse("10.251.1.0/24"), null, Internal: false, Masquerade: true, InterContainerCommunication: true);

        // The outside namespace has no route back to the bridge's subnet: only masqueraded requests get answers.
        Assert.False(await sandbox.FetchAsync(container, "http://10.252.9.2/"), "no answer without NAT");

        sandbox.InHost(f =>
        {
            f.Initialize([network], []);
            return 0;
        });
        Assert.True(await sandbox.FetchAsync(container, "http://10.252.9.2/"), "masqueraded");

        sandbox.InHost(f =>
        {
            f.AddNetwork(network with { Internal = true });
            return 0;
        });
        Assert.False(await sandbox.FetchAsync(container, "http://10.252.9.2/"), "an internal network reaches nothing outside");

        sandbox.InHost(f =>
        {
            f.RemoveNetwork(bridge);
            return 0;
        });
        var listing = await sandbox.NftAsync("list", "table", "inet", sandbox.Table);
        Assert.DoesNotContain(bridge, listing.Stdout, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Containers_on_different_bridges_cannot_reach_each_other_but_can_reach_published_ports()
    {
        await using var sandbox = new FirewallSandbox();
        await sandbox.CreateHostAndOutsideAsync();
        var bridgeA = sandbox.Name("wfa");
        var bridgeB = sandbox.Name("wfb");
        await sandbox.AddBridgeAsync(bridgeA, GatewayA);
        await sandbox.AddBridgeAsync(bridgeB, GatewayB);
        var server = await sandbox.AddContainerAsync("s", bridgeA, ServerA, GatewayA);
        var other = await sandbox.AddContainerAsync("o", bridgeB, ClientB, GatewayB);
        await sandbox.ServeAsync(server);
        Assert.True(await sandbox.FetchAsync(other, $"http://{ServerA}/"), "routed between bridges before the firewall");

        sandbox.InHost(f =>
        {
            f.Initialize(
                [
                    new FirewallNetwork(bridgeA, IPNetwork.Parse("10.251.1.0/24"), null, false, true, true),
                    new FirewallNetwork(bridgeB, IPNetwork.Parse("10.251.2.0/24"), null, false, true, true),
                ],
                [new FirewallPortSet("feed", bridgeA, [new PublishedPort("tcp", null, 8080, IPAddress.Parse(ServerA), 80)])]);
            return 0;
        });

        Assert.False(await sandbox.FetchAsync(other, $"http://{ServerA}/"), "isolated");
        Assert.True(await sandbox.FetchAsync(other, $"http://{GatewayB}:8080/"), "a published port is open to every network");
    }

    [RootFact]
    public async Task Dockers_forward_drop_does_not_stop_wharf_bridges()
    {
        await using var sandbox = new FirewallSandbox();
        await sandbox.CreateHostAndOutsideAsync();
        await sandbox.ServeAsync(sandbox.Outside);
        var bridge = sandbox.Name("wfa");
        await sandbox.AddBridgeAsync(bridge, GatewayA);
        var container = await sandbox.AddContainerAsync("c", bridge, ClientA, GatewayA);
        // What dockerd leaves behind in the namespace's iptables-nft tables: FORWARD policy drop, jump to DOCKER-USER first.
        await sandbox.ExecAsync(sandbox.Host, "nft", "add table ip filter; add chain ip filter FORWARD { type filter hook forward priority filter; policy drop; }; add chain ip filter DOCKER-USER; add rule ip filter FORWARD jump DOCKER-USER; add rule ip filter DOCKER-USER return");
        var network = new FirewallNetwork(bridge, IPNetwork.Parse("10.251.1.0/24"), null, false, true, true);

        sandbox.InHost(f =>
        {
            f.AddNetwork(network);
            f.AddNetwork(network);
            return 0;
        });
        var withWharf = (await sandbox.NftAsync("-a", "list", "chain", "ip", "filter", "DOCKER-USER")).Stdout;
        output.WriteLine(withWharf);
        Assert.Equal(2, withWharf.Split('\n').Count(l => l.Contains($"comment \"wharf:{sandbox.Table}\"", StringComparison.Ordinal)));
        Assert.True(await sandbox.FetchAsync(container, "http://10.252.9.2/"), "forwarded despite the drop policy");

        sandbox.InHost(f =>
        {
            f.RemoveAll();
            return 0;
        });
        var afterwards = (await sandbox.NftAsync("-a", "list", "chain", "ip", "filter", "DOCKER-USER")).Stdout;
        Assert.DoesNotContain("wharf:", afterwards, StringComparison.Ordinal);
        Assert.Contains("return", afterwards, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Add_and_remove_ports_cost_one_small_transaction_each()
    {
        await using var sandbox = new FirewallSandbox();
        await sandbox.CreateHostAndOutsideAsync();
        var bridge = sandbox.Name("wfa");
        await sandbox.AddBridgeAsync(bridge, GatewayA);
        var network = new FirewallNetwork(bridge, IPNetwork.Parse("10.251.1.0/24"), null, false, true, true);
        const int Containers = 200;

        var (add, remove, spawn) = sandbox.InHost(f =>
        {
            f.Initialize([network], []);
            var addTime = Stopwatch.StartNew();
            for (var i = 0; i < Containers; i++)
            {
                f.AddPorts(new FirewallPortSet($"c{i}", bridge, [new PublishedPort("tcp", null, 10000 + i, IPAddress.Parse("10.251.1.2"), 80)]));
            }

            addTime.Stop();
            var removeTime = Stopwatch.StartNew();
            for (var i = 0; i < Containers; i++)
            {
                f.RemovePorts($"c{i}");
            }

            removeTime.Stop();
            return (addTime.Elapsed / Containers, removeTime.Elapsed / Containers, TimeSpan.Zero);
        });

        // The same element through a spawned `nft -f -` for comparison (what a CLI-driven firewall would pay).
        var spawnTime = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            var result = await sandbox.ExecAsync(sandbox.Host, "nft", $"add element inet {sandbox.Table} dnat4_any {{ tcp . {20000 + i} : 10.251.1.2 . 80 }}");
            Assert.Equal(0, result.ExitCode);
        }

        spawn = spawnTime.Elapsed / 20;
        output.WriteLine($"AddPorts {add.TotalMilliseconds:F3} ms, RemovePorts {remove.TotalMilliseconds:F3} ms, spawned nft {spawn.TotalMilliseconds:F3} ms (per call, {Containers} containers)");
        Assert.DoesNotContain(": 10.251.1.2 . 80 }", (await sandbox.NftAsync("list", "map", "inet", sandbox.Table, "dnat4_at")).Stdout, StringComparison.Ordinal);
        Assert.True(add < TimeSpan.FromMilliseconds(50));
    }

    private static TimeSpan Timed(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }
}
