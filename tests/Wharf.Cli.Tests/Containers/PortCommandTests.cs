namespace Wharf.Cli.Tests.Containers;

/// <summary><c>wharf port</c> beyond the basics in CommandTests: docker's natural order and its errors.</summary>
public sealed class PortCommandTests
{
    private static ScriptedDaemon Daemon(string ports) => new(async exchange =>
    {
        if (exchange.Request.Path == "/containers/web/json")
        {
            await exchange.RespondAsync(200, "{\"Id\":\"0123\",\"Name\":\"/web\",\"NetworkSettings\":{\"Ports\":" + ports + "}}");
            return;
        }

        await exchange.RespondAsync(404, """{"message":"No such container: gone"}""");
    });

    [Fact]
    public async Task Lines_come_in_natural_order_so_port_9_precedes_port_10()
    {
        await using var daemon = Daemon("""{"10000/tcp":[{"HostIp":"0.0.0.0","HostPort":"10000"}],"9/udp":[{"HostIp":"127.0.0.1","HostPort":"32768"}],"80/tcp":[{"HostIp":"::","HostPort":"8080"},{"HostIp":"0.0.0.0","HostPort":"8080"}]}""");

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "port", "web");

        Assert.Equal((0, "9/udp -> 127.0.0.1:32768\n80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n10000/tcp -> 0.0.0.0:10000\n", ""), result);
    }

    [Fact]
    public async Task A_port_with_its_protocol_lists_only_its_host_addresses()
    {
        await using var daemon = Daemon("""{"53/udp":[{"HostIp":"0.0.0.0","HostPort":"5353"}],"53/tcp":[{"HostIp":"0.0.0.0","HostPort":"5354"}]}""");

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "port", "web", "53/udp");

        Assert.Equal((0, "0.0.0.0:5353\n", ""), result);
    }

    [Fact]
    public async Task Nothing_published_prints_nothing()
    {
        await using var daemon = Daemon("{}");

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "port", "web");

        Assert.Equal((0, "", ""), result);
    }

    [Theory]
    [InlineData(new[] { "port", "web", "8080" }, "Error: No public port '8080' published for web\n")]
    [InlineData(new[] { "port", "web", "70000" }, "Error: invalid port (70000): strconv.ParseUint: parsing \"70000\": value out of range\n")]
    [InlineData(new[] { "port", "gone" }, "Error response from daemon: No such container: gone\n")]
    public async Task Errors_are_dockers(string[] args, string error)
    {
        await using var daemon = Daemon("""{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}]}""");

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), args);

        Assert.Equal((1, "", error), result);
    }
}
