using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>The embedded DNS of user-defined networks: names, aliases, short ids, unknown names and forwarding.</summary>
[Collection(NetworkFixtureCollection.Name)]
public sealed class NetworkDnsTests(NetworkDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Containers_on_a_user_network_reach_each_other_by_name_alias_and_short_id()
    {
        using var log = Daemon.CaptureLog(output);
        var network = NetworkFixtureCommands.UniqueName("dns");
        var web = NetworkFixtureCommands.UniqueName("web");
        var client = NetworkFixtureCommands.UniqueName("client");
        try
        {
            await Daemon.DockerOkAsync("network", "create", network);
            var webId = await Daemon.StartWebServerAsync(web, "--network", network, "--network-alias", "webalias");
            await Daemon.StartSleeperAsync(client, "--network", network);

            foreach (var name in new[] { web, "webalias", webId[..12] })
            {
                var fetched = await Daemon.WgetAsync(client, $"http://{name}/");
                Assert.True(fetched.ExitCode == 0, Daemon.Describe(fetched.Describe($"wget http://{name}/ from {client}")));
                Assert.Equal($"hello-from-{web}", fetched.Stdout.Trim());
            }

            var looked = await Daemon.ExecAsync(client, "nslookup", web);
            Assert.Contains(await Daemon.AddressOnAsync(web, network), looked.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.CleanUpAsync([web, client], [network]);
        }
    }

    [RootFact]
    public async Task An_unknown_name_does_not_resolve_and_a_stopped_container_drops_out()
    {
        using var log = Daemon.CaptureLog(output);
        var network = NetworkFixtureCommands.UniqueName("dns");
        var web = NetworkFixtureCommands.UniqueName("web");
        var client = NetworkFixtureCommands.UniqueName("client");
        try
        {
            await Daemon.DockerOkAsync("network", "create", network);
            await Daemon.StartWebServerAsync(web, "--network", network);
            await Daemon.StartSleeperAsync(client, "--network", network);
            Assert.Equal(0, (await Daemon.WgetAsync(client, $"http://{web}/")).ExitCode);

            var unknown = await Daemon.WgetOnceAsync(client, "http://no-such-container-here/");
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("bad address", unknown.Stderr, StringComparison.Ordinal);

            await Daemon.DockerOkAsync("stop", "-t", "1", web);
            var afterStop = await Daemon.ExecAsync(client, "nslookup", web);
            Assert.NotEqual(0, afterStop.ExitCode);

            var renamed = NetworkFixtureCommands.UniqueName("renamed");
            await Daemon.DockerOkAsync("start", web);
            await Daemon.DockerOkAsync("rename", web, renamed);
            var byNewName = await Daemon.WgetAsync(client, $"http://{renamed}/");
            Assert.True(byNewName.ExitCode == 0, Daemon.Describe(byNewName.Describe($"wget http://{renamed}/ after rename")));
            Assert.NotEqual(0, (await Daemon.ExecAsync(client, "nslookup", web)).ExitCode);
            web = renamed;
        }
        finally
        {
            await Daemon.CleanUpAsync([web, client], [network]);
        }
    }

    [RootFact]
    public async Task Other_names_are_forwarded_to_the_configured_upstream()
    {
        using var log = Daemon.CaptureLog(output);
        var network = NetworkFixtureCommands.UniqueName("dns");
        try
        {
            await Daemon.DockerOkAsync("network", "create", network);

            var resolvConf = await Daemon.DockerOkAsync("run", "--rm", "--network", network, "busybox", "cat", "/etc/resolv.conf");
            Assert.Contains("nameserver 127.0.0.11", resolvConf, StringComparison.Ordinal);

            var looked = await Daemon.Docker.RunAsync("run", "--rm", "--network", network, "busybox", "nslookup", NetworkDaemonFixture.UpstreamName);
            Assert.True(looked.ExitCode == 0, Daemon.Describe(looked.Describe("nslookup of a name only the upstream knows")));
            Assert.Contains(NetworkDaemonFixture.UpstreamAddress.ToString(), looked.Stdout, StringComparison.Ordinal);
            Assert.Contains(NetworkDaemonFixture.UpstreamName, fixture.Upstream.Questions);

            var unknown = await Daemon.Docker.RunAsync("run", "--rm", "--network", network, "busybox", "nslookup", "nowhere.wharf-test");
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("NXDOMAIN", unknown.Stdout + unknown.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.CleanUpAsync([], [network]);
        }
    }

    [RootFact]
    public async Task Containers_on_the_default_bridge_get_the_daemons_resolvers_and_no_embedded_dns()
    {
        using var log = Daemon.CaptureLog(output);

        var resolvConf = await Daemon.DockerOkAsync("run", "--rm", "busybox", "cat", "/etc/resolv.conf");

        Assert.DoesNotContain("127.0.0.11", resolvConf, StringComparison.Ordinal);
    }
}
