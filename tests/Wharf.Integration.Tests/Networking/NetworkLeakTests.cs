using System.Globalization;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>Nothing of a container's networking outlives it, and a wharfd killed with -9 comes back with working networks.</summary>
public sealed class NetworkLeakTests(ITestOutputHelper output)
{
    private const int Cycles = 100;

    [RootFact]
    public async Task A_hundred_run_rm_cycles_leave_no_veth_netns_nft_rule_or_lease_behind()
    {
        var (daemon, upstream) = await NetworkDaemonFixture.StartWithFakeUpstreamAsync(new WharfDaemonOptions(), output);
        await using var _ = daemon;
        using var __ = upstream;
        var network = NetworkFixtureCommands.UniqueName("cycle");
        await daemon.DockerOkAsync("network", "create", network);
        // One container of each kind first, so that whatever is made once per daemon or network (bridge, tables) exists.
        await daemon.DockerOkAsync("run", "--rm", "-p", "80", "busybox", "true");
        await daemon.DockerOkAsync("run", "--rm", "--network", network, "busybox", "true");
        var before = await SnapshotAsync(daemon, network);

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            string[] networking = cycle % 2 == 0 ? ["-p", "80"] : ["--network", network];
            await daemon.DockerOkAsync(["run", "--rm", .. networking, "busybox", "true"]);
        }

        var after = await SnapshotAsync(daemon, network);
        Assert.Equal(before.Links, after.Links);
        Assert.Empty(after.NamespaceMounts);
        Assert.Equal(before.Ruleset, after.Ruleset);
        Assert.Equal("{}", after.BridgeContainers);
        Assert.Equal("{}", after.NetworkContainers);
    }

    [RootFact]
    public async Task After_kill_9_and_a_restart_running_containers_keep_their_networking_and_new_ones_get_fresh_addresses()
    {
        var (daemon, upstream) = await NetworkDaemonFixture.StartWithFakeUpstreamAsync(new WharfDaemonOptions(), output);
        await using var _ = daemon;
        using var __ = upstream;
        var network = NetworkFixtureCommands.UniqueName("crash");
        var web = NetworkFixtureCommands.UniqueName("web");
        var client = NetworkFixtureCommands.UniqueName("client");
        await daemon.DockerOkAsync("network", "create", network);
        await daemon.StartWebServerAsync(web, "--network", network, "-p", "18090:80");
        await daemon.StartSleeperAsync(client, "--network", network);
        await daemon.StartSleeperAsync("bridged");
        Assert.Equal(0, (await daemon.WgetAsync(client, $"http://{web}/")).ExitCode);
        var taken = new[]
        {
            await daemon.AddressOnAsync(web, network), await daemon.AddressOnAsync(client, network), await daemon.AddressOnAsync("bridged", "bridge"),
        };

        Assert.Equal(137, await daemon.KillAsync());
        await daemon.StartAsync();

        var byName = await daemon.WgetAsync(client, $"http://{web}/");
        Assert.True(byName.ExitCode == 0, daemon.Describe(byName.Describe("wget by name after the restart")));
        Assert.Equal($"hello-from-{web}", byName.Stdout.Trim());
        var published = await daemon.WgetFromHostAsync("http://127.0.0.1:18090/");
        Assert.True(published.ExitCode == 0, daemon.Describe(published.Describe("published port after the restart")));
        Assert.Equal(0, (await daemon.ExecInNetworkNamespaceAsync("busybox", "ping", "-c", "1", "-W", "2", taken[2])).ExitCode);

        await daemon.StartSleeperAsync("newcomer", "--network", network);
        await daemon.StartSleeperAsync("newbridged");
        var fresh = new[] { await daemon.AddressOnAsync("newcomer", network), await daemon.AddressOnAsync("newbridged", "bridge") };
        Assert.All(fresh, address => Assert.DoesNotContain(address, taken));
        Assert.Equal(0, (await daemon.WgetAsync("newcomer", $"http://{web}/")).ExitCode);

        await daemon.DockerOkAsync("rm", "-f", web, client, "bridged", "newcomer", "newbridged");
        await daemon.DockerOkAsync("network", "rm", network);
        var links = await daemon.ExecInNetworkNamespaceAsync("ip", "-o", "link", "show", "type", "veth");
        Assert.Equal("", links.Stdout.Trim());
    }

    private static async Task<Snapshot> SnapshotAsync(WharfDaemon daemon, string network)
    {
        var links = await daemon.ExecInNetworkNamespaceAsync("ip", "-o", "link", "show");
        var ruleset = await daemon.ExecInNetworkNamespaceAsync("nft", "list", "ruleset");
        return new Snapshot(
            string.Join('\n', links.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':')[1].Trim()).Order(StringComparer.Ordinal)),
            NamespaceMountsUnder(daemon.Sandbox),
            ruleset.Stdout,
            await daemon.DockerOkAsync("network", "inspect", "--format", "{{json .Containers}}", "bridge"),
            await daemon.DockerOkAsync("network", "inspect", "--format", "{{json .Containers}}", network));
    }

    /// <summary>Bind-mounted namespaces (nsfs) under the daemon's sandbox: a container's netns that outlived it.</summary>
    private static IReadOnlyList<string> NamespaceMountsUnder(string directory) =>
        [.. File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 4 && fields[4].StartsWith(directory + "/", StringComparison.Ordinal))
            .Where(fields => fields.SkipWhile(field => field != "-").Skip(1).FirstOrDefault() == "nsfs")
            .Select(fields => fields[4])];

    private sealed record Snapshot(string Links, IReadOnlyList<string> NamespaceMounts, string Ruleset, string BridgeContainers, string NetworkContainers)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"links:\n{Links}\nnsfs mounts: {NamespaceMounts.Count}\nruleset:\n{Ruleset}");
    }
}
