using System.Net;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Sandbox;

namespace Wharf.Engine.Tests.Networking;

public sealed class PortPlanTests
{
    private static readonly ContainerConfig Exposing = new() { Image = "busybox", ExposedPorts = new Dictionary<string, EmptyObject>(StringComparer.Ordinal) { ["80/tcp"] = new(), ["53/udp"] = new() } };

    [Fact]
    public void Bindings_become_requests_with_ranges_and_ephemeral_ports()
    {
        var host = new HostConfig
        {
            PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>?>(StringComparer.Ordinal)
            {
                ["80/tcp"] = [new PortBinding { HostIp = "127.0.0.1", HostPort = "8080" }, new PortBinding { HostPort = "8000-8010" }],
                ["53/udp"] = [new PortBinding()],
            },
        };

        var requests = PortPlan.Requests(Exposing, host);

        Assert.Equal(
            [
                new PortRequest("udp", null, 0, 0, 53),
                new PortRequest("tcp", IPAddress.Loopback, 8080, 8080, 80),
                new PortRequest("tcp", null, 8000, 8010, 80),
            ],
            requests);
    }

    [Fact]
    public void Publish_all_adds_an_ephemeral_port_for_every_exposed_port_without_a_binding()
    {
        var host = new HostConfig
        {
            PublishAllPorts = true,
            PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>?>(StringComparer.Ordinal) { ["80/tcp"] = [new PortBinding { HostPort = "8080" }] },
        };

        var requests = PortPlan.Requests(Exposing, host);

        Assert.Equal([new PortRequest("tcp", null, 8080, 8080, 80), new PortRequest("udp", null, 0, 0, 53)], requests);
    }

    [Fact]
    public void Settings_list_exposed_ports_as_null_and_published_ones_with_their_host_address()
    {
        var published = new[] { new PublishedPort("tcp", null, 8080, IPAddress.Parse("172.17.0.2"), 80) };

        var settings = PortPlan.Settings(Exposing, new HostConfig(), published);

        Assert.Null(settings["53/udp"]);
        var binding = Assert.Single(settings["80/tcp"]!);
        Assert.Equal("0.0.0.0", binding.HostIp);
        Assert.Equal("8080", binding.HostPort);
        Assert.Equal(published, PortPlan.FromSettings(settings, IPAddress.Parse("172.17.0.2")));
    }

    [Theory]
    [InlineData("80/xyz", "invalid proto: xyz")]
    [InlineData("0/tcp", "invalid port specification: \"0/tcp\"")]
    [InlineData("abc", "invalid port specification: \"abc\"")]
    public void Bad_port_keys_are_refused_with_dockers_message(string key, string message)
    {
        var host = new HostConfig { PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>?>(StringComparer.Ordinal) { [key] = [] } };

        var error = Assert.Throws<EngineException>(() => PortPlan.Validate(host));

        Assert.Equal(message, error.Message);
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Fact]
    public void A_reversed_host_port_range_is_refused()
    {
        var host = new HostConfig { PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>?>(StringComparer.Ordinal) { ["80/tcp"] = [new PortBinding { HostPort = "90-80" }] } };

        Assert.Equal("invalid range specified for the Hostport: 90-80", Assert.Throws<EngineException>(() => PortPlan.Validate(host)).Message);
    }
}
