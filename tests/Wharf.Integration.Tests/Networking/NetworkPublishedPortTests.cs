using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>The default bridge and published ports: addresses, <c>docker port</c>, reachability from the host and hairpin, conflicts.</summary>
[Collection(NetworkFixtureCollection.Name)]
public sealed class NetworkPublishedPortTests(NetworkDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Run_defaults_to_the_bridge_network_with_an_address_in_its_subnet()
    {
        using var log = Daemon.CaptureLog(output);
        var box = NetworkFixtureCommands.UniqueName("box");
        try
        {
            await Daemon.StartSleeperAsync(box);

            Assert.Equal("bridge", await Daemon.DockerOkAsync("container", "inspect", "--format", "{{.HostConfig.NetworkMode}}", box));
            var subnet = await Daemon.SubnetOfAsync("bridge");
            var gateway = await Daemon.GatewayOfAsync("bridge");
            var address = await Daemon.AddressOnAsync(box, "bridge");
            Assert.True(NetworkFixtureCommands.InSubnet(address, subnet), $"{address} is not in the bridge subnet {subnet}");
            Assert.True(NetworkFixtureCommands.InSubnet(gateway, subnet), $"gateway {gateway} is not in {subnet}");
            Assert.Equal(address, await Daemon.DockerOkAsync("container", "inspect", "--format", "{{.NetworkSettings.IPAddress}}", box));

            var inside = await Daemon.DockerOkAsync("exec", box, "ip", "-4", "addr", "show", "eth0");
            Assert.Contains($"inet {address}/", inside, StringComparison.Ordinal);
            var route = await Daemon.DockerOkAsync("exec", box, "ip", "route");
            Assert.Contains($"default via {gateway}", route, StringComparison.Ordinal);

            // The bridge device is wharf0 in the daemon's namespace and carries the gateway.
            var bridge = await Daemon.ExecInNetworkNamespaceAsync("ip", "-4", "addr", "show", "wharf0");
            Assert.True(bridge.ExitCode == 0, bridge.Describe("ip addr show wharf0"));
            Assert.Contains($"inet {gateway}/", bridge.Stdout, StringComparison.Ordinal);
            var ping = await Daemon.ExecInNetworkNamespaceAsync("busybox", "ping", "-c", "1", "-W", "2", address);
            Assert.True(ping.ExitCode == 0, ping.Describe($"ping {address} from the daemon's namespace"));
        }
        finally
        {
            await Daemon.CleanUpAsync([box], []);
        }
    }

    [RootFact]
    public async Task A_published_port_answers_on_loopback_and_the_bridge_gateway_and_shows_in_docker_port()
    {
        using var log = Daemon.CaptureLog(output);
        var web = NetworkFixtureCommands.UniqueName("web");
        var client = NetworkFixtureCommands.UniqueName("client");
        try
        {
            await Daemon.StartWebServerAsync(web, "-p", "18080:80", "-p", "127.0.0.1::80");

            var ports = await Daemon.DockerOkAsync("port", web);
            Assert.Contains("80/tcp -> 0.0.0.0:18080", ports, StringComparison.Ordinal);
            Assert.Matches(@"80/tcp -> 127\.0\.0\.1:\d+", ports);
            Assert.Equal("0.0.0.0:18080", (await Daemon.DockerOkAsync("port", web, "80/tcp")).Split('\n')[0]);
            var bindings = await Daemon.DockerOkAsync("container", "inspect", "--format", "{{json .NetworkSettings.Ports}}", web);
            Assert.Contains("\"HostPort\":\"18080\"", bindings, StringComparison.Ordinal);

            var gateway = await Daemon.GatewayOfAsync("bridge");
            foreach (var url in new[] { "http://127.0.0.1:18080/", $"http://{gateway}:18080/" })
            {
                var fetched = await Daemon.WgetFromHostAsync(url);
                Assert.True(fetched.ExitCode == 0, Daemon.Describe(fetched.Describe($"wget {url} from the daemon's namespace")));
                Assert.Equal($"hello-from-{web}", fetched.Stdout.Trim());
            }

            // Hairpin: another container goes out to the host's address and back in through the published port.
            await Daemon.StartSleeperAsync(client);
            var hairpin = await Daemon.WgetAsync(client, $"http://{gateway}:18080/");
            Assert.True(hairpin.ExitCode == 0, Daemon.Describe(hairpin.Describe("hairpin wget from another container")));
            Assert.Equal($"hello-from-{web}", hairpin.Stdout.Trim());
        }
        finally
        {
            await Daemon.CleanUpAsync([web, client], []);
        }
    }

    [RootFact]
    public async Task Ports_are_withdrawn_when_the_container_stops_and_restored_when_it_starts_again()
    {
        using var log = Daemon.CaptureLog(output);
        var web = NetworkFixtureCommands.UniqueName("web");
        try
        {
            await Daemon.StartWebServerAsync(web, "-p", "18081:80");
            Assert.Equal(0, (await Daemon.WgetFromHostAsync("http://127.0.0.1:18081/")).ExitCode);

            await Daemon.DockerOkAsync("stop", "-t", "1", web);
            var stopped = await Daemon.ExecInNetworkNamespaceAsync("busybox", "timeout", "2", "busybox", "wget", "-qO-", "http://127.0.0.1:18081/");
            Assert.NotEqual(0, stopped.ExitCode);

            await Daemon.DockerOkAsync("start", web);
            var restarted = await Daemon.WgetFromHostAsync("http://127.0.0.1:18081/");
            Assert.True(restarted.ExitCode == 0, Daemon.Describe(restarted.Describe("wget after docker start")));
        }
        finally
        {
            await Daemon.CleanUpAsync([web], []);
        }
    }

    [RootFact]
    public async Task A_host_port_in_use_fails_with_dockers_error_and_leaves_the_second_container_created()
    {
        using var log = Daemon.CaptureLog(output);
        var first = NetworkFixtureCommands.UniqueName("first");
        var second = NetworkFixtureCommands.UniqueName("second");
        try
        {
            await Daemon.StartWebServerAsync(first, "-p", "18082:80");
            var before = await LinksAsync();

            var refused = await Daemon.Docker.RunAsync("run", "-d", "--name", second, "-p", "18082:80", "busybox", "httpd", "-f", "-p", "80");

            Assert.Equal(125, refused.ExitCode);
            Assert.Contains("port is already allocated", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains(":18082", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal("created", await Daemon.DockerOkAsync("container", "inspect", "--format", "{{.State.Status}}", second));
            Assert.Equal(before, await LinksAsync());
            var bridgeContainers = await Daemon.DockerOkAsync("network", "inspect", "--format", "{{json .Containers}}", "bridge");
            var secondId = await Daemon.DockerOkAsync("container", "inspect", "--format", "{{.Id}}", second);
            Assert.DoesNotContain(secondId, bridgeContainers, StringComparison.Ordinal);

            // The first one still serves.
            Assert.Equal(0, (await Daemon.WgetFromHostAsync("http://127.0.0.1:18082/")).ExitCode);
        }
        finally
        {
            await Daemon.CleanUpAsync([first, second], []);
        }
    }

    [RootFact]
    public async Task Publish_all_maps_every_exposed_port_to_an_ephemeral_host_port()
    {
        using var log = Daemon.CaptureLog(output);
        var web = NetworkFixtureCommands.UniqueName("web");
        try
        {
            await Daemon.StartWebServerAsync(web, "--expose", "80", "-P");

            var published = await Daemon.DockerOkAsync("port", web, "80");
            var hostPort = published.Split('\n')[0].Split(':')[^1];
            Assert.True(int.Parse(hostPort, System.Globalization.CultureInfo.InvariantCulture) > 1024, published);
            var fetched = await Daemon.WgetFromHostAsync($"http://127.0.0.1:{hostPort}/");
            Assert.True(fetched.ExitCode == 0, Daemon.Describe(fetched.Describe($"wget the -P port {hostPort}")));
        }
        finally
        {
            await Daemon.CleanUpAsync([web], []);
        }
    }

    private async Task<string> LinksAsync()
    {
        var links = await Daemon.ExecInNetworkNamespaceAsync("ip", "-o", "link", "show");
        return string.Join('\n', links.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':')[1].Trim()).Order(StringComparer.Ordinal));
    }
}
