using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary><c>network connect</c>/<c>disconnect</c> on running containers, and <c>--network container:X</c>.</summary>
[Collection(NetworkFixtureCollection.Name)]
public sealed class NetworkConnectTests(NetworkDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Connect_adds_eth1_live_with_the_requested_address_and_alias_and_disconnect_removes_it()
    {
        using var log = Daemon.CaptureLog(output);
        var network = NetworkFixtureCommands.UniqueName("conn");
        var box = NetworkFixtureCommands.UniqueName("box");
        var peer = NetworkFixtureCommands.UniqueName("peer");
        try
        {
            await Daemon.DockerOkAsync("network", "create", "--subnet", "10.231.7.0/24", network);
            await Daemon.StartWebServerAsync(box);
            await Daemon.StartSleeperAsync(peer, "--network", network);
            Assert.DoesNotContain("eth1", await Daemon.DockerOkAsync("exec", box, "ip", "addr"), StringComparison.Ordinal);

            await Daemon.DockerOkAsync("network", "connect", "--ip", "10.231.7.77", "--alias", "connected-alias", network, box);

            var addresses = await Daemon.DockerOkAsync("exec", box, "ip", "addr", "show", "eth1");
            Assert.Contains("inet 10.231.7.77/24", addresses, StringComparison.Ordinal);
            Assert.Equal("10.231.7.77", await Daemon.AddressOnAsync(box, network));
            var byAlias = await Daemon.WgetAsync(peer, "http://connected-alias/");
            Assert.True(byAlias.ExitCode == 0, Daemon.Describe(byAlias.Describe("wget by the alias given at connect")));
            var containers = await Daemon.DockerOkAsync("network", "inspect", "--format", "{{range .Containers}}{{.Name}} {{.IPv4Address}};{{end}}", network);
            Assert.Contains($"{box} 10.231.7.77/24", containers, StringComparison.Ordinal);

            await Daemon.DockerOkAsync("network", "disconnect", network, box);

            Assert.DoesNotContain("eth1", await Daemon.DockerOkAsync("exec", box, "ip", "addr"), StringComparison.Ordinal);
            Assert.DoesNotContain(box, await Daemon.DockerOkAsync("network", "inspect", "--format", "{{json .Containers}}", network), StringComparison.Ordinal);
            Assert.NotEqual(0, (await Daemon.ExecAsync(peer, "nslookup", "connected-alias")).ExitCode);
            // Still on the default bridge.
            Assert.Contains("eth0", await Daemon.DockerOkAsync("exec", box, "ip", "addr"), StringComparison.Ordinal);

            // -f disconnects a stopped container too.
            await Daemon.DockerOkAsync("network", "connect", network, box);
            await Daemon.DockerOkAsync("stop", "-t", "1", box);
            await Daemon.DockerOkAsync("network", "disconnect", "-f", network, box);
            Assert.DoesNotContain(network, await Daemon.DockerOkAsync("container", "inspect", "--format", "{{json .NetworkSettings.Networks}}", box), StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.CleanUpAsync([box, peer], [network]);
        }
    }

    [RootFact]
    public async Task Container_mode_shares_the_interfaces_and_is_refused_for_a_stopped_container()
    {
        using var log = Daemon.CaptureLog(output);
        var owner = NetworkFixtureCommands.UniqueName("owner");
        var guest = NetworkFixtureCommands.UniqueName("guest");
        var stopped = NetworkFixtureCommands.UniqueName("stopped");
        var refusedName = NetworkFixtureCommands.UniqueName("refused");
        try
        {
            await Daemon.StartWebServerAsync(owner);
            await Daemon.StartSleeperAsync(guest, "--network", $"container:{owner}");

            // Addresses without their flags: an IPv6 link-local address may leave "tentative" (DAD) between the two reads.
            var ownerLinks = StripFlags(await Daemon.DockerOkAsync("exec", owner, "ip", "-o", "addr"));
            var guestLinks = StripFlags(await Daemon.DockerOkAsync("exec", guest, "ip", "-o", "addr"));
            Assert.Equal(ownerLinks, guestLinks);
            // Same namespace: the owner's server is on the guest's loopback.
            var local = await Daemon.WgetAsync(guest, "http://127.0.0.1/");
            Assert.Equal($"hello-from-{owner}", local.Stdout.Trim());

            await Daemon.DockerOkAsync("create", "--name", stopped, "busybox", "true");
            await Daemon.DockerOkAsync("start", "-a", stopped);
            var refused = await Daemon.Docker.RunAsync("run", "-d", "--name", refusedName, "--network", $"container:{stopped}", "busybox", "true");
            Assert.Equal(125, refused.ExitCode);
            Assert.Contains($"cannot join network namespace of a non running container: container {stopped} is exited", refused.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.CleanUpAsync([guest, owner, stopped, refusedName], []);
        }
    }

    [RootFact]
    public async Task Host_and_none_modes_see_the_daemons_interfaces_and_only_loopback()
    {
        using var log = Daemon.CaptureLog(output);

        var none = await Daemon.DockerOkAsync("run", "--rm", "--network", "none", "busybox", "ip", "-o", "link");
        Assert.Single(none.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("lo:", none, StringComparison.Ordinal);

        var host = await Daemon.DockerOkAsync("run", "--rm", "--network", "host", "busybox", "ip", "-o", "link");
        Assert.Contains("wharf0", host, StringComparison.Ordinal);
    }

    private static string StripFlags(string addresses) =>
        string.Join('\n', addresses.Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))));
}
