using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;
using Wharf.Integration.Tests.Harness;
using Wharf.Linux;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// NetlinkBridgeDataplane against the real kernel, entirely inside throwaway namespaces: the one it treats as the
/// host and the ones standing in for containers. Checked from outside with <c>ip -j</c> and busybox ping.
/// </summary>
public sealed class DataplaneTests(ITestOutputHelper output)
{
    private static readonly IPAddress Gateway = IPAddress.Parse("10.203.0.1");
    private static readonly IPAddress GatewayV6 = IPAddress.Parse("fd00:203::1");

    [RootFact]
    public async Task EnsureBridgeCreatesItWithAddressMtuAndUpAndIsIdempotent()
    {
        using var sandbox = new DataplaneSandbox();
        var spec = new BridgeSpec("br-dptest", Gateway, 16, GatewayV6, 64, 1400);

        sandbox.Dataplane.EnsureBridge(spec);
        await AssertBridgeAsync(sandbox.HostName, "br-dptest", 1400);

        // A stray address is replaced; a second call changes nothing else and does not fail.
        Assert.Equal(0, (await DataplaneSandbox.IpAsync(sandbox.HostName, "addr", "add", "192.0.2.9/24", "dev", "br-dptest")).ExitCode);
        sandbox.Dataplane.EnsureBridge(spec);
        sandbox.Dataplane.EnsureBridge(spec);
        await AssertBridgeAsync(sandbox.HostName, "br-dptest", 1400);

        var details = await DataplaneSandbox.IpJsonAsync(sandbox.HostName, "-d", "link", "show", "br-dptest");
        Assert.Equal("bridge", details[0].GetProperty("linkinfo").GetProperty("info_kind").GetString());
        var localnet = await ProcessRunner.RunAsync("ip", ["netns", "exec", sandbox.HostName, "cat", "/proc/sys/net/ipv4/conf/br-dptest/route_localnet", "/proc/sys/net/ipv4/ip_forward"], TimeSpan.FromSeconds(20));
        Assert.Equal("1\n1\n", localnet.Stdout);
    }

    [RootFact]
    public async Task EnsureBridgeRefusesAnotherKindOfLinkAndRemoveBridgeToleratesMissing()
    {
        using var sandbox = new DataplaneSandbox();
        Assert.Equal(0, (await DataplaneSandbox.IpAsync(sandbox.HostName, "link", "add", "br-dummy", "type", "veth", "peer", "name", "br-dummy-peer")).ExitCode);

        var refused = Assert.Throws<EngineException>(() => sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-dummy", Gateway, 16, null, 0, 1500)));
        output.WriteLine(refused.Message);
        Assert.Contains("br-dummy", refused.Message, StringComparison.Ordinal);
        Assert.Throws<EngineException>(() => sandbox.Dataplane.RemoveBridge("br-dummy"));
        Assert.Contains("br-dummy", await DataplaneSandbox.LinkNamesAsync(sandbox.HostName));

        sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-gone", Gateway, 16, null, 0, 1500));
        sandbox.Dataplane.RemoveBridge("br-gone");
        sandbox.Dataplane.RemoveBridge("br-gone");
        Assert.DoesNotContain("br-gone", await DataplaneSandbox.LinkNamesAsync(sandbox.HostName));

        // The kernel's reason reaches the message: an interface name longer than 15 bytes.
        var invalid = Assert.Throws<EngineException>(() => sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-name-far-too-long", Gateway, 16, null, 0, 1500)));
        output.WriteLine(invalid.Message);
        Assert.StartsWith("failed to create bridge br-name-far-too-long: ", invalid.Message, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task TwoEndpointsOnOneBridgePingEachOtherAndHaveDefaultRoutes()
    {
        using var sandbox = new DataplaneSandbox();
        sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-dptest", Gateway, 16, GatewayV6, 64, 1500));
        var first = sandbox.CreateNamespace("c1");
        var second = sandbox.CreateNamespace("c2");
        sandbox.Dataplane.InitializeNamespace(DataplaneSandbox.PathOf(first));
        sandbox.Dataplane.InitializeNamespace(DataplaneSandbox.PathOf(second));

        sandbox.Dataplane.AddEndpoint(Endpoint(first, "wvaaaaaaaaaaa", "eth0", "02:42:0a:cb:00:02", 2, defaultRoute: true));
        sandbox.Dataplane.AddEndpoint(Endpoint(second, "wvbbbbbbbbbbb", "eth0", "02:42:0a:cb:00:03", 3, defaultRoute: true));

        var ping = await DataplaneSandbox.PingAsync(first, "10.203.0.3");
        Assert.True(ping.ExitCode == 0, ping.Describe("ping 10.203.0.3 from c1"));
        var pingGateway = await DataplaneSandbox.PingAsync(second, "10.203.0.1");
        Assert.True(pingGateway.ExitCode == 0, pingGateway.Describe("ping gateway from c2"));
        var pingV6 = await DataplaneSandbox.PingAsync(second, "fd00:203::2");
        Assert.True(pingV6.ExitCode == 0, pingV6.Describe("ping fd00:203::2 from c2"));

        var inside = await DataplaneSandbox.IpJsonAsync(first, "addr", "show", "dev", "eth0");
        Assert.Equal("02:42:0a:cb:00:02", inside[0].GetProperty("address").GetString());
        Assert.Equal(1500, inside[0].GetProperty("mtu").GetInt32());
        Assert.Contains("UP", inside[0].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var loopback = await DataplaneSandbox.IpJsonAsync(first, "link", "show", "dev", "lo");
        Assert.Contains("UP", loopback[0].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var routes = await DataplaneSandbox.IpJsonAsync(first, "route", "show", "default");
        Assert.Equal("10.203.0.1", routes[0].GetProperty("gateway").GetString());
        Assert.Equal("eth0", routes[0].GetProperty("dev").GetString());
        var routes6 = await DataplaneSandbox.IpJsonAsync(first, "-6", "route", "show", "default");
        Assert.Equal("fd00:203::1", routes6[0].GetProperty("gateway").GetString());

        var hostEnd = await DataplaneSandbox.IpJsonAsync(sandbox.HostName, "link", "show", "dev", "wvaaaaaaaaaaa");
        Assert.Equal("br-dptest", hostEnd[0].GetProperty("master").GetString());
        Assert.DoesNotContain("eth0", await DataplaneSandbox.LinkNamesAsync(sandbox.HostName));

        Assert.Equal(["wvaaaaaaaaaaa", "wvbbbbbbbbbbb"], sandbox.Dataplane.ListLinks("wv").Order(StringComparer.Ordinal));
        Assert.Contains(IPNetwork.Parse("10.203.0.0/16"), sandbox.Dataplane.HostRoutes());
    }

    [RootFact]
    public async Task SecondInterfaceWithoutDefaultRouteAndRemoveEndpointRemovesBothEnds()
    {
        using var sandbox = new DataplaneSandbox();
        sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-dptest", Gateway, 16, null, 0, 1500));
        sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-other", IPAddress.Parse("10.204.0.1"), 24, null, 0, 1500));
        var container = sandbox.CreateNamespace("c1");
        sandbox.Dataplane.InitializeNamespace(DataplaneSandbox.PathOf(container));
        sandbox.Dataplane.AddEndpoint(Endpoint(container, "wvccccccccccc", "eth0", "02:42:0a:cb:00:04", 4, defaultRoute: true));
        sandbox.Dataplane.AddEndpoint(new VethEndpointSpec(
            DataplaneSandbox.PathOf(container), "br-other", "wvddddddddddd", "eth1", "02:42:0a:cc:00:05",
            IPAddress.Parse("10.204.0.5"), 24, IPAddress.Parse("10.204.0.1"), null, 0, null, 1500, DefaultRoute: false));

        var routes = await DataplaneSandbox.IpJsonAsync(container, "route", "show", "default");
        Assert.Single(routes.EnumerateArray());
        Assert.Equal("eth0", routes[0].GetProperty("dev").GetString());
        var ping = await DataplaneSandbox.PingAsync(container, "10.204.0.1");
        Assert.True(ping.ExitCode == 0, ping.Describe("ping 10.204.0.1 over eth1"));

        sandbox.Dataplane.RemoveEndpoint("wvddddddddddd");
        sandbox.Dataplane.RemoveEndpoint("wvddddddddddd");
        Assert.DoesNotContain("eth1", await DataplaneSandbox.LinkNamesAsync(container));
        Assert.DoesNotContain("wvddddddddddd", await DataplaneSandbox.LinkNamesAsync(sandbox.HostName));
        Assert.Contains("eth0", await DataplaneSandbox.LinkNamesAsync(container));
        Assert.Equal(["wvccccccccccc"], sandbox.Dataplane.ListLinks("wv"));
    }

    [RootFact]
    public async Task FailuresLeaveNothingBehind()
    {
        using var sandbox = new DataplaneSandbox();
        var container = sandbox.CreateNamespace("c1");

        var noBridge = Assert.Throws<EngineException>(() => sandbox.Dataplane.AddEndpoint(Endpoint(container, "wveeeeeeeeeee", "eth0", "02:42:0a:cb:00:06", 6, defaultRoute: true)));
        output.WriteLine(noBridge.Message);
        Assert.Equal(ErrorKind.NotFound, noBridge.Kind);

        // The veth is made, then the default route fails inside the namespace (gateway outside the subnet).
        sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-dptest", Gateway, 16, null, 0, 1500));
        var badRoute = Assert.Throws<EngineException>(() => sandbox.Dataplane.AddEndpoint(new VethEndpointSpec(
            DataplaneSandbox.PathOf(container), "br-dptest", "wvfffffffffff", "eth0", "02:42:0a:cb:00:07",
            IPAddress.Parse("10.203.0.7"), 16, IPAddress.Parse("10.99.0.1"), null, 0, null, 1500, DefaultRoute: true)));
        output.WriteLine(badRoute.Message);
        Assert.Contains("network is unreachable", badRoute.Message, StringComparison.Ordinal);

        Assert.Empty(sandbox.Dataplane.ListLinks("wv"));
        Assert.Equal(["lo"], await DataplaneSandbox.LinkNamesAsync(container));

        // A leftover host end of the same endpoint (a crash before reconcile) is replaced, not an error.
        sandbox.Dataplane.AddEndpoint(Endpoint(container, "wvggggggggggg", "eth0", "02:42:0a:cb:00:08", 8, defaultRoute: true));
        var other = sandbox.CreateNamespace("c2");
        sandbox.Dataplane.AddEndpoint(Endpoint(other, "wvggggggggggg", "eth0", "02:42:0a:cb:00:08", 8, defaultRoute: true));
        Assert.Equal(["lo"], await DataplaneSandbox.LinkNamesAsync(container));
        Assert.Equal(["wvggggggggggg"], sandbox.Dataplane.ListLinks("wv"));
    }

    [RootFact]
    public async Task ConcurrentEndpointsAndTiming()
    {
        const int count = 50;
        using var sandbox = new DataplaneSandbox();
        sandbox.Dataplane.EnsureBridge(new BridgeSpec("br-dptest", Gateway, 16, null, 0, 1500));
        var containers = Enumerable.Range(0, count).Select(i => sandbox.CreateNamespace(string.Create(CultureInfo.InvariantCulture, $"t{i}"))).ToList();
        foreach (var container in containers)
        {
            sandbox.Dataplane.InitializeNamespace(DataplaneSandbox.PathOf(container));
        }

        // Warm up code paths (JIT) on one endpoint outside the measurement.
        sandbox.Dataplane.AddEndpoint(Endpoint(containers[0], "wvwarmup00000", "eth9", "02:42:0a:cb:01:00", 256 + 200, defaultRoute: false));
        sandbox.Dataplane.RemoveEndpoint("wvwarmup00000");

        var threadOnly = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            _ = NetworkNamespace.Run(DataplaneSandbox.PathOf(containers[i]), () => 0);
        }

        threadOnly.Stop();

        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < count / 2; i++)
        {
            sandbox.Dataplane.AddEndpoint(Endpoint(containers[i], HostEnd(i), "eth0", Mac(i), 10 + i, defaultRoute: true));
        }

        sequential.Stop();

        var parallel = Stopwatch.StartNew();
        Parallel.For(count / 2, count, i => sandbox.Dataplane.AddEndpoint(Endpoint(containers[i], HostEnd(i), "eth0", Mac(i), 10 + i, defaultRoute: true)));
        parallel.Stop();

        var removal = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            sandbox.Dataplane.RemoveEndpoint(HostEnd(i));
        }

        removal.Stop();
        var perEndpoint = sequential.Elapsed.TotalMilliseconds / (count / 2);
        var perThread = threadOnly.Elapsed.TotalMilliseconds / count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AddEndpoint sequential: {perEndpoint:F3} ms each ({perThread:F3} ms of it the namespace thread alone, so ~{perEndpoint - perThread:F3} ms netlink); parallel (2 cores): {parallel.Elapsed.TotalMilliseconds / (count / 2):F3} ms each; RemoveEndpoint: {removal.Elapsed.TotalMilliseconds / count:F3} ms each"));

        Assert.Empty(sandbox.Dataplane.ListLinks("wv"));
        foreach (var container in containers.Take(3))
        {
            Assert.Equal(["lo"], await DataplaneSandbox.LinkNamesAsync(container));
        }

        static string HostEnd(int i) => string.Create(CultureInfo.InvariantCulture, $"wvtime{i:D7}");

        static string Mac(int i) => string.Create(CultureInfo.InvariantCulture, $"02:42:0a:cb:00:{10 + i:x2}");
    }

    private static VethEndpointSpec Endpoint(string namespaceName, string hostEnd, string containerName, string mac, int host, bool defaultRoute)
    {
        var v4 = new IPAddress([10, 203, (byte)(host / 256), (byte)(host % 256)]);
        var v6 = IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"fd00:203::{host:x}"));
        return new VethEndpointSpec(DataplaneSandbox.PathOf(namespaceName), "br-dptest", hostEnd, containerName, mac, v4, 16, Gateway, v6, 64, GatewayV6, 1500, defaultRoute);
    }

    private static async Task AssertBridgeAsync(string hostNamespace, string name, int mtu)
    {
        var links = await DataplaneSandbox.IpJsonAsync(hostNamespace, "addr", "show", "dev", name);
        var link = links[0];
        Assert.Equal(mtu, link.GetProperty("mtu").GetInt32());
        Assert.Contains("UP", link.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var addresses = link.GetProperty("addr_info").EnumerateArray()
            .Where(a => a.GetProperty("scope").GetString() != "link")
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["10.203.0.1/16", "fd00:203::1/64"], addresses);
        if (links[0].GetProperty("addr_info").EnumerateArray().FirstOrDefault(a => a.GetProperty("family").GetString() == "inet") is { ValueKind: JsonValueKind.Object } v4)
        {
            Assert.Equal("10.203.255.255", v4.GetProperty("broadcast").GetString());
        }
    }
}
