using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// Outbound traffic: masqueraded from bridge networks to "the outside" (a namespace the test made, hanging off the
/// daemon's), none at all from --internal networks, and no way across between user-defined networks.
/// </summary>
[Collection(NetworkFixtureCollection.Name)]
public sealed class NetworkOutsideTests(NetworkDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task A_normal_network_reaches_the_outside_through_nat_and_an_internal_one_does_not()
    {
        using var log = Daemon.CaptureLog(output);
        await using var outside = await OutsideNamespace.CreateAsync(Daemon);
        var normal = NetworkFixtureCommands.UniqueName("out");
        var isolated = NetworkFixtureCommands.UniqueName("internal");
        try
        {
            await Daemon.DockerOkAsync("network", "create", normal);
            await Daemon.DockerOkAsync("network", "create", "--internal", isolated);
            Assert.Equal("true", await Daemon.DockerOkAsync("network", "inspect", "--format", "{{.Internal}}", isolated));

            foreach (var network in new[] { normal, "bridge" })
            {
                var reached = await Daemon.Docker.RunAsync("run", "--rm", "--network", network, "busybox", "sh", "-c", $"nc -w 3 {outside.NcTarget} </dev/null");
                Assert.True(reached.ExitCode == 0, Daemon.Describe(reached.Describe($"nc to the outside from {network}")));
                Assert.Equal(OutsideNamespace.Greeting, reached.Stdout.Trim());
            }

            // Masqueraded: the outside only ever saw the daemon's own address on that link.
            Assert.NotEmpty(outside.Peers);
            Assert.All(outside.Peers, peer => Assert.Equal(OutsideNamespace.DaemonSideAddress, peer));

            var seen = outside.Peers.Count;
            var blocked = await Daemon.Docker.RunAsync("run", "--rm", "--network", isolated, "busybox", "sh", "-c", $"nc -w 3 {outside.NcTarget} </dev/null");
            Assert.NotEqual(0, blocked.ExitCode);
            Assert.DoesNotContain(OutsideNamespace.Greeting, blocked.Stdout, StringComparison.Ordinal);
            Assert.Equal(seen, outside.Peers.Count);

            var internalRoute = await Daemon.DockerOkAsync("run", "--rm", "--network", isolated, "busybox", "ip", "route");
            Assert.DoesNotContain("default", internalRoute, StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.CleanUpAsync([], [normal, isolated]);
        }
    }

    [RootFact]
    public async Task Containers_on_different_user_networks_cannot_reach_each_other()
    {
        using var log = Daemon.CaptureLog(output);
        var left = NetworkFixtureCommands.UniqueName("left");
        var right = NetworkFixtureCommands.UniqueName("right");
        var web = NetworkFixtureCommands.UniqueName("web");
        var neighbour = NetworkFixtureCommands.UniqueName("neighbour");
        var stranger = NetworkFixtureCommands.UniqueName("stranger");
        try
        {
            await Daemon.DockerOkAsync("network", "create", left);
            await Daemon.DockerOkAsync("network", "create", right);
            await Daemon.StartWebServerAsync(web, "--network", left);
            await Daemon.StartSleeperAsync(neighbour, "--network", left);
            await Daemon.StartSleeperAsync(stranger, "--network", right);
            var address = await Daemon.AddressOnAsync(web, left);

            Assert.Equal(0, (await Daemon.WgetAsync(neighbour, $"http://{address}/")).ExitCode);
            Assert.NotEqual(0, (await Daemon.WgetOnceAsync(stranger, $"http://{address}/")).ExitCode);
            Assert.NotEqual(0, (await Daemon.ExecAsync(stranger, "nslookup", web)).ExitCode);
        }
        finally
        {
            await Daemon.CleanUpAsync([web, neighbour, stranger], [left, right]);
        }
    }
}
