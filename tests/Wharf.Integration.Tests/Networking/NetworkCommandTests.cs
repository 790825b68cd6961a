using System.Net;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary><c>docker network create/ls/inspect/rm/prune</c> with Docker's output and errors.</summary>
[Collection(NetworkFixtureCollection.Name)]
public sealed class NetworkCommandTests(NetworkDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task The_predefined_networks_are_listed_and_cannot_be_removed()
    {
        using var log = Daemon.CaptureLog(output);

        var listed = await Daemon.DockerOkAsync("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
        Assert.Contains("bridge bridge local", listed, StringComparison.Ordinal);
        Assert.Contains("host host local", listed, StringComparison.Ordinal);
        Assert.Contains("none null local", listed, StringComparison.Ordinal);
        Assert.Equal("wharf0", await Daemon.DockerOkAsync("network", "inspect", "--format", "{{index .Options \"com.docker.network.bridge.name\"}}", "bridge"));

        foreach (var name in new[] { "bridge", "host", "none" })
        {
            var refused = await Daemon.Docker.RunAsync("network", "rm", name);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"Error response from daemon: {name} is a pre-defined network and cannot be removed", refused.Stderr, StringComparison.Ordinal);
        }

        using var response = await Daemon.Api.SendAsync(HttpMethod.Delete, "/v1.50/networks/bridge");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [RootFact]
    public async Task Create_inspect_filter_and_remove_a_user_network_with_its_options()
    {
        using var log = Daemon.CaptureLog(output);
        var network = NetworkFixtureCommands.UniqueName("cfg");
        var bridgeName = "br-" + network[^8..];
        try
        {
            var id = await Daemon.DockerOkAsync(
                "network", "create", "--driver", "bridge", "--subnet", "10.232.0.0/16", "--gateway", "10.232.0.254", "--ip-range", "10.232.5.0/24",
                "--label", "it.wharf=yes", "-o", $"com.docker.network.bridge.name={bridgeName}", "-o", "com.docker.network.driver.mtu=1400", "--attachable", network);
            Assert.Matches("^[0-9a-f]{64}$", id);

            var inspected = await Daemon.InspectJsonAsync("network", network);
            Assert.Equal(id, inspected.GetProperty("Id").GetString());
            Assert.Equal("bridge", inspected.GetProperty("Driver").GetString());
            Assert.Equal("local", inspected.GetProperty("Scope").GetString());
            var pool = inspected.GetProperty("IPAM").GetProperty("Config")[0];
            Assert.Equal("10.232.0.0/16", pool.GetProperty("Subnet").GetString());
            Assert.Equal("10.232.0.254", pool.GetProperty("Gateway").GetString());
            Assert.Equal("10.232.5.0/24", pool.GetProperty("IPRange").GetString());
            Assert.Equal("yes", inspected.GetProperty("Labels").GetProperty("it.wharf").GetString());

            var duplicate = await Daemon.Docker.RunAsync("network", "create", network);
            Assert.NotEqual(0, duplicate.ExitCode);
            Assert.Contains($"network with name {network} already exists", duplicate.Stderr, StringComparison.Ordinal);

            Assert.Equal(network, await Daemon.DockerOkAsync("network", "ls", "--filter", "label=it.wharf=yes", "--filter", $"name={network}", "--format", "{{.Name}}"));
            Assert.Equal(id[..12], await Daemon.DockerOkAsync("network", "ls", "-q", "--filter", $"id={id}"));

            var device = await Daemon.ExecInNetworkNamespaceAsync("ip", "addr", "show", bridgeName);
            Assert.True(device.ExitCode == 0, device.Describe($"ip addr show {bridgeName}"));
            Assert.Contains("mtu 1400", device.Stdout, StringComparison.Ordinal);
            Assert.Contains("inet 10.232.0.254/16", device.Stdout, StringComparison.Ordinal);

            var address = await Daemon.DockerOkAsync("run", "--rm", "--network", network, "busybox", "sh", "-c", "ip -4 -o addr show eth0 | awk '{print $4}'");
            Assert.StartsWith("10.232.5.", address, StringComparison.Ordinal);

            Assert.Equal(network, await Daemon.DockerOkAsync("network", "rm", network));
            Assert.NotEqual(0, (await Daemon.ExecInNetworkNamespaceAsync("ip", "link", "show", bridgeName)).ExitCode);
        }
        finally
        {
            await Daemon.CleanUpAsync([], [network]);
        }
    }

    [RootFact]
    public async Task A_network_in_use_cannot_be_removed_and_prune_removes_only_unused_ones()
    {
        using var log = Daemon.CaptureLog(output);
        var used = NetworkFixtureCommands.UniqueName("used");
        var unused = NetworkFixtureCommands.UniqueName("unused");
        var box = NetworkFixtureCommands.UniqueName("box");
        try
        {
            await Daemon.DockerOkAsync("network", "create", used);
            await Daemon.DockerOkAsync("network", "create", unused);
            await Daemon.StartSleeperAsync(box, "--network", used);

            var refused = await Daemon.Docker.RunAsync("network", "rm", used);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("has active endpoints", refused.Stderr, StringComparison.Ordinal);
            using (var response = await Daemon.Api.SendAsync(HttpMethod.Delete, $"/v1.50/networks/{used}"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }

            var pruned = await Daemon.DockerOkAsync("network", "prune", "-f");
            Assert.Contains("Deleted Networks:", pruned, StringComparison.Ordinal);
            Assert.Contains(unused, pruned, StringComparison.Ordinal);
            Assert.DoesNotContain(used, pruned, StringComparison.Ordinal);
            var names = await Daemon.DockerOkAsync("network", "ls", "--format", "{{.Name}}");
            Assert.Contains(used, names, StringComparison.Ordinal);
            Assert.DoesNotContain(unused, names, StringComparison.Ordinal);
            Assert.Contains("bridge", names, StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.CleanUpAsync([box], [used, unused]);
        }
    }
}
