using System.Net;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking.Service;

namespace Wharf.Engine.Tests.Networking.Service;

public sealed class NetworkServiceTests
{
    private const string Container1 = "c100000000000000000000000000000000000000000000000000000000000001";
    private const string Container2 = "c200000000000000000000000000000000000000000000000000000000000002";

    [Fact]
    public void Predefined_networks_exist_after_the_first_start_and_keep_their_ids()
    {
        using var harness = new NetworkServiceHarness();
        var names = harness.Service.All().Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        var bridgeId = harness.Service.Resolve("bridge").Id;

        var reopened = harness.Reopen();

        Assert.Equal(["bridge", "host", "none"], names);
        Assert.Equal(bridgeId, reopened.Resolve("bridge").Id);
        Assert.Equal(3, reopened.All().Count);
        var bridge = reopened.Resolve("bridge");
        Assert.Equal("wharf0", bridge.BridgeName);
        Assert.True(bridge.IsDefaultBridge);
        Assert.Equal(IPNetwork.Parse("172.17.0.0/16"), bridge.Subnet);
        Assert.Equal(IPAddress.Parse("172.17.0.1"), bridge.Gateway);
        Assert.True(harness.Dataplane.Bridges.ContainsKey("wharf0"));
        Assert.True(harness.Firewall.Networks.ContainsKey("wharf0"));
        var inspect = reopened.Inspect("bridge", verbose: false, scope: null);
        Assert.Equal("true", inspect.Options["com.docker.network.bridge.default_bridge"]);
        Assert.Equal("wharf0", inspect.Options["com.docker.network.bridge.name"]);
        Assert.Equal("1500", inspect.Options["com.docker.network.driver.mtu"]);
        Assert.Equal("null", reopened.Resolve("none").Driver);
        Assert.Equal("host", reopened.Resolve("host").Driver);
    }

    [Fact]
    public void The_default_bridge_avoids_host_routes_and_keeps_its_subnet_while_it_does_not_clash()
    {
        using var harness = new NetworkServiceHarness(routes: d =>
        {
            d.Routes.Add(IPNetwork.Parse("0.0.0.0/0"));
            d.Routes.Add(IPNetwork.Parse("172.17.0.0/16"));
            d.Routes.Add(IPNetwork.Parse("172.18.5.0/24"));
        });

        Assert.Equal(IPNetwork.Parse("172.19.0.0/16"), harness.Service.Resolve("bridge").Subnet);

        // Its own bridge's route appears once it is up: that is no clash.
        harness.Dataplane.Routes.Add(IPNetwork.Parse("172.19.0.0/16"));
        Assert.Equal(IPNetwork.Parse("172.19.0.0/16"), harness.Reopen().Resolve("bridge").Subnet);
    }

    [Fact]
    public void Bip_and_fixed_cidr_set_the_default_bridge()
    {
        using var harness = new NetworkServiceHarness(new NetworkServiceOptions { Bip = "10.66.0.5/16", FixedCidr = "10.66.8.0/24", BridgeName = "wbr7", Mtu = 1400 });
        var bridge = harness.Service.Resolve("bridge");

        Assert.Equal(IPNetwork.Parse("10.66.0.0/16"), bridge.Subnet);
        Assert.Equal(IPAddress.Parse("10.66.0.5"), bridge.Gateway);
        Assert.Equal(IPNetwork.Parse("10.66.8.0/24"), bridge.IPRange);
        Assert.Equal("wbr7", bridge.BridgeName);
        Assert.Equal(1400, harness.Dataplane.Bridges["wbr7"].Mtu);
        var lease = harness.Service.Allocate(bridge.Id, Container1, null, null, null, []);
        Assert.Equal(IPAddress.Parse("10.66.8.0"), lease.IPv4);
        Assert.Equal("02:42:0a:42:08:00", lease.MacAddress);
        var inspect = harness.Service.Inspect("bridge", false, null);
        Assert.Equal("10.66.8.0/24", inspect.IPAM.Config![0].IPRange);
    }

    [Fact]
    public void Default_address_pools_are_used_for_new_networks_skipping_taken_subnets()
    {
        using var harness = new NetworkServiceHarness(new NetworkServiceOptions { DefaultAddressPools = [new AddressPool("10.10.0.0/16", 24)] });

        var first = harness.Service.Create(new NetworkCreateRequest { Name = "one" });
        var second = harness.Service.Create(new NetworkCreateRequest { Name = "two" });

        Assert.Equal(IPNetwork.Parse("10.10.0.0/24"), harness.Service.Resolve("bridge").Subnet);
        Assert.Equal(IPNetwork.Parse("10.10.1.0/24"), harness.Service.Resolve(first.Id).Subnet);
        Assert.Equal(IPNetwork.Parse("10.10.2.0/24"), harness.Service.Resolve(second.Id).Subnet);
    }

    [Fact]
    public void Create_makes_the_bridge_and_rules_stores_the_network_and_publishes_the_event()
    {
        using var harness = new NetworkServiceHarness();
        var created = harness.Service.Create(new NetworkCreateRequest
        {
            Name = "app",
            Internal = true,
            Labels = new() { ["tier"] = "back" },
            Options = new() { ["com.docker.network.driver.mtu"] = "1450" },
        });

        var network = harness.Service.Resolve("app");
        Assert.Equal(64, created.Id.Length);
        Assert.Equal("br-" + created.Id[..12], network.BridgeName);
        Assert.Equal(IPNetwork.Parse("172.18.0.0/16"), network.Subnet);
        Assert.Equal(1450, harness.Dataplane.Bridges[network.BridgeName].Mtu);
        Assert.True(harness.Firewall.Networks[network.BridgeName].Internal);
        Assert.False(harness.Firewall.Networks[network.BridgeName].Masquerade);
        var recorded = harness.Events.Events.Single(e => e.Type == "network" && e.Action == "create");
        Assert.Equal(created.Id, recorded.ActorId);
        Assert.Equal("app", recorded.Attributes["name"]);
        Assert.Equal("bridge", recorded.Attributes["type"]);
        var reopened = harness.Reopen().Inspect(created.Id[..10], false, null);
        Assert.Equal("app", reopened.Name);
        Assert.True(reopened.Internal);
        Assert.Equal("back", reopened.Labels["tier"]);
        Assert.Equal("172.18.0.1", reopened.IPAM.Config![0].Gateway);
    }

    [Fact]
    public void A_failing_bridge_leaves_nothing_behind()
    {
        using var harness = new NetworkServiceHarness();
        harness.Dataplane.FailBridge = "wbad";

        Assert.Throws<EngineException>(() => harness.Service.Create(new NetworkCreateRequest { Name = "bad", Options = new() { ["com.docker.network.bridge.name"] = "wbad" } }));

        Assert.Null(harness.Service.TryResolve("bad"));
        Assert.False(harness.Firewall.Networks.ContainsKey("wbad"));
        Assert.Null(harness.Reopen().TryResolve("bad"));
    }

    [Theory]
    [InlineData("bridge", ErrorKind.Forbidden, "operation is not permitted on predefined bridge network ")]
    [InlineData("host", ErrorKind.Forbidden, "operation is not permitted on predefined host network ")]
    public void Predefined_names_cannot_be_created(string name, ErrorKind kind, string message)
    {
        using var harness = new NetworkServiceHarness();
        var error = Assert.Throws<EngineException>(() => harness.Service.Create(new NetworkCreateRequest { Name = name }));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Create_refuses_with_dockerds_messages()
    {
        using var harness = new NetworkServiceHarness();
        harness.Service.Create(new NetworkCreateRequest { Name = "taken", IPAM = Ipam("10.1.0.0/16") });

        AssertError(ErrorKind.Conflict, "network with name taken already exists", () => harness.Service.Create(new NetworkCreateRequest { Name = "taken" }));
        AssertError(ErrorKind.NotFound, "plugin \"overlay2\" not found", () => harness.Service.Create(new NetworkCreateRequest { Name = "x", Driver = "overlay2" }));
        AssertError(ErrorKind.Forbidden, "only one instance of \"host\" network is allowed", () => harness.Service.Create(new NetworkCreateRequest { Name = "x", Driver = "host" }));
        AssertError(ErrorKind.Forbidden, "Pool overlaps with other one on this address space", () => harness.Service.Create(new NetworkCreateRequest { Name = "x", IPAM = Ipam("10.1.2.0/24") }));
        AssertError(ErrorKind.InvalidParameter, "invalid network config:\ninvalid subnet 10.2.0.1/16: it should be 10.2.0.0/16", () => harness.Service.Create(new NetworkCreateRequest { Name = "x", IPAM = Ipam("10.2.0.1/16") }));
        AssertError(ErrorKind.InvalidParameter, "invalid network config:\ninvalid subnet nope: invalid CIDR block notation", () => harness.Service.Create(new NetworkCreateRequest { Name = "x", IPAM = Ipam("nope") }));
        AssertError(
            ErrorKind.InvalidParameter,
            "invalid network config:\n* invalid ip-range 10.0.0.0/8: CIDR block is bigger than its parent subnet 10.3.0.0/16\n* invalid gateway 10.4.0.1: parent subnet 10.3.0.0/16 doesn't contain this address",
            () => harness.Service.Create(new NetworkCreateRequest { Name = "x", IPAM = Ipam("10.3.0.0/16", "10.4.0.1", "10.0.0.0/8") }));
        Assert.Null(harness.Service.TryResolve("x"));
    }

    [Fact]
    public void Ipv6_networks_take_the_requested_subnet_or_a_unique_local_one()
    {
        using var harness = new NetworkServiceHarness();
        harness.Service.Create(new NetworkCreateRequest
        {
            Name = "six",
            EnableIPv6 = true,
            IPAM = new NetworkIpam { Config = [new IpamPoolConfig { Subnet = "10.6.0.0/24" }, new IpamPoolConfig { Subnet = "fd00:6::/64" }] },
        });
        harness.Service.Create(new NetworkCreateRequest { Name = "ula", EnableIPv6 = true });

        var six = harness.Service.Resolve("six");
        Assert.Equal(IPNetwork.Parse("fd00:6::/64"), six.SubnetV6);
        Assert.Equal(IPAddress.Parse("fd00:6::1"), six.GatewayV6);
        var lease = harness.Service.Allocate(six.Id, Container1, null, null, null, []);
        Assert.Equal(IPAddress.Parse("fd00:6::2"), lease.IPv6);
        Assert.Equal(64, lease.PrefixLengthV6);
        var ula = harness.Service.Resolve("ula");
        Assert.Equal(0xfd, ula.SubnetV6!.Value.BaseAddress.GetAddressBytes()[0]);
        Assert.Equal(2, harness.Service.Inspect("six", false, null).IPAM.Config!.Count);
    }

    [Fact]
    public void Allocate_hands_out_the_lowest_free_address_and_reuses_released_ones()
    {
        using var harness = new NetworkServiceHarness();
        var network = harness.Service.Create(new NetworkCreateRequest { Name = "n", IPAM = Ipam("10.9.0.0/29", aux: new() { ["router"] = "10.9.0.3" }) });

        var first = harness.Service.Allocate(network.Id, Container1, null, null, null, ["web"]);
        var second = harness.Service.Allocate(network.Id, Container2, null, null, null, []);

        Assert.Equal(IPAddress.Parse("10.9.0.2"), first.IPv4);
        Assert.Equal(29, first.PrefixLength);
        Assert.Equal("02:42:0a:09:00:02", first.MacAddress);
        Assert.Equal(["web"], first.Aliases);
        Assert.Equal(64, first.EndpointId.Length);
        Assert.Equal(IPAddress.Parse("10.9.0.4"), second.IPv4);
        harness.Service.Release(network.Id, Container1);
        Assert.Equal(IPAddress.Parse("10.9.0.2"), harness.Service.Allocate(network.Id, "c3", null, null, null, []).IPv4);
        Assert.Equal(IPAddress.Parse("10.9.0.5"), harness.Service.Allocate(network.Id, "c4", null, null, null, []).IPv4);
        Assert.Equal(IPAddress.Parse("10.9.0.6"), harness.Service.Allocate(network.Id, "c5", null, null, null, []).IPv4);
        AssertError(ErrorKind.Unavailable, $"no available IPv4 addresses on this network's address pools: n ({network.Id})", () => harness.Service.Allocate(network.Id, "c6", null, null, null, []));
    }

    [Fact]
    public void Requested_addresses_are_checked_like_dockerd()
    {
        using var harness = new NetworkServiceHarness();
        var user = harness.Service.Create(new NetworkCreateRequest { Name = "user", IPAM = Ipam("10.20.0.0/24") });
        var auto = harness.Service.Create(new NetworkCreateRequest { Name = "auto" });
        var bridge = harness.Service.Resolve("bridge");

        var lease = harness.Service.Allocate(user.Id, Container1, IPAddress.Parse("10.20.0.50"), null, "02:AA:bb:cc:dd:ee", []);

        Assert.Equal(IPAddress.Parse("10.20.0.50"), lease.IPv4);
        Assert.Equal("02:aa:bb:cc:dd:ee", lease.MacAddress);
        AssertError(ErrorKind.Forbidden, "Address already in use", () => harness.Service.Allocate(user.Id, Container2, IPAddress.Parse("10.20.0.50"), null, null, []));
        AssertError(ErrorKind.Forbidden, "Address already in use", () => harness.Service.Allocate(user.Id, Container2, IPAddress.Parse("10.20.0.1"), null, null, []));
        AssertError(ErrorKind.InvalidParameter, "invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.21.0.5", () => harness.Service.Allocate(user.Id, Container2, IPAddress.Parse("10.21.0.5"), null, null, []));
        AssertError(ErrorKind.InvalidParameter, "user specified IP address is supported only when connecting to networks with user configured subnets", () => harness.Service.Allocate(auto.Id, Container2, IPAddress.Parse("172.18.0.9"), null, null, []));
        AssertError(ErrorKind.InvalidParameter, "user specified IP address is supported on user defined networks only", () => harness.Service.Allocate(bridge.Id, Container2, IPAddress.Parse("172.17.0.9"), null, null, []));
        AssertError(ErrorKind.Forbidden, $"endpoint with name {Container1} already exists in network user", () => harness.Service.Allocate(user.Id, Container1, null, null, null, []));
    }

    [Fact]
    public async Task Concurrent_allocations_never_share_an_address()
    {
        using var harness = new NetworkServiceHarness();
        var network = harness.Service.Create(new NetworkCreateRequest { Name = "busy", IPAM = Ipam("10.30.0.0/24") });

        var leases = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => harness.Service.Allocate(network.Id, "container" + i, null, null, null, []))));

        Assert.Equal(64, leases.Select(l => l.IPv4).Distinct().Count());
        Assert.Equal(64, harness.Reopen().LeasesOn(network.Id).Select(l => l.IPv4).Distinct().Count());
    }

    [Fact]
    public void Leases_survive_a_restart_and_reconcile_drops_those_of_stopped_containers()
    {
        using var harness = new NetworkServiceHarness();
        var network = harness.Service.Create(new NetworkCreateRequest { Name = "n" });
        harness.Service.Allocate(network.Id, Container1, null, null, null, ["a", "b"]);
        harness.Service.Allocate(network.Id, Container2, null, null, null, []);

        var reopened = harness.Reopen();
        var kept = reopened.LeasesOf(Container1).Single();
        var dropped = reopened.Reconcile(new HashSet<string>(StringComparer.Ordinal) { Container1 });

        Assert.Equal(["a", "b"], kept.Aliases);
        Assert.Equal(IPAddress.Parse("172.18.0.2"), kept.IPv4);
        Assert.Equal(Container2, Assert.Single(dropped).ContainerId);
        Assert.Single(reopened.AllLeases());
        Assert.Single(harness.Reopen().AllLeases());
        Assert.Equal(IPAddress.Parse("172.18.0.3"), harness.Service.Allocate(network.Id, "c9", null, null, null, []).IPv4);
    }

    [Fact]
    public void Remove_refuses_predefined_and_busy_networks_and_tears_the_bridge_down()
    {
        using var harness = new NetworkServiceHarness();
        var network = harness.Service.Create(new NetworkCreateRequest { Name = "n" });
        var bridgeName = harness.Service.Resolve("n").BridgeName;
        harness.Service.Allocate(network.Id, Container1, null, null, null, []);

        AssertError(ErrorKind.Forbidden, "bridge is a pre-defined network and cannot be removed", () => harness.Service.Remove("bridge"));
        AssertError(ErrorKind.Forbidden, "none is a pre-defined network and cannot be removed", () => harness.Service.Remove("none"));
        AssertError(ErrorKind.Forbidden, $"error while removing network: network n id {network.Id} has active endpoints", () => harness.Service.Remove("n"));
        AssertError(ErrorKind.NotFound, "network missing not found", () => harness.Service.Remove("missing"));

        harness.Service.Release(network.Id, Container1);
        harness.Service.Remove("n");

        Assert.False(harness.Dataplane.Bridges.ContainsKey(bridgeName));
        Assert.False(harness.Firewall.Networks.ContainsKey(bridgeName));
        Assert.Null(harness.Reopen().TryResolve("n"));
        Assert.Contains(harness.Events.Events, e => e.Action == "destroy" && e.ActorId == network.Id);
    }

    [Fact]
    public void Inspect_lists_the_containers_with_their_addresses()
    {
        using var harness = new NetworkServiceHarness();
        var network = harness.Service.Create(new NetworkCreateRequest { Name = "n" });
        harness.Containers.Names[Container1] = "web";
        var lease = harness.Service.Allocate(network.Id, Container1, null, null, null, []);

        var inspect = harness.Service.Inspect("n", verbose: true, scope: "local");

        var container = inspect.Containers[Container1];
        Assert.Equal("web", container.Name);
        Assert.Equal("172.18.0.2/16", container.IPv4Address);
        Assert.Equal(lease.EndpointId, container.EndpointID);
        Assert.Equal("", container.IPv6Address);
        AssertError(ErrorKind.NotFound, "network n not found", () => harness.Service.Inspect("n", false, "swarm"));
        Assert.Empty(harness.Service.List(null).Single(n => n.Name == "n").Containers);
    }

    [Fact]
    public void List_filters_like_dockerd()
    {
        using var harness = new NetworkServiceHarness();
        var front = harness.Service.Create(new NetworkCreateRequest { Name = "front", Labels = new() { ["tier"] = "web" } });
        harness.Service.Create(new NetworkCreateRequest { Name = "back" });
        harness.Service.Allocate(front.Id, Container1, null, null, null, []);

        Assert.Equal(["bridge", "host", "none"], Names(harness.Service.List("{\"type\":{\"builtin\":true}}")));
        Assert.Equal(["front", "back"], Names(harness.Service.List("{\"type\":[\"custom\"]}")));
        Assert.Equal(["front"], Names(harness.Service.List("{\"label\":{\"tier=web\":true}}")));
        Assert.Equal(["back"], Names(harness.Service.List("{\"dangling\":{\"true\":true}}")));
        Assert.Equal(["bridge", "host", "none", "front"], Names(harness.Service.List("{\"dangling\":[\"false\"]}")));
        Assert.Equal(["front"], Names(harness.Service.List("{\"name\":[\"ro\"]}")));
        Assert.Equal(["front"], Names(harness.Service.List($"{{\"id\":[\"{front.Id[..8]}\"]}}")));
        Assert.Equal(["none"], Names(harness.Service.List("{\"driver\":[\"null\"]}")));
        Assert.Empty(harness.Service.List("{\"scope\":[\"swarm\"]}"));
        AssertError(ErrorKind.InvalidParameter, "invalid filter 'color'", () => harness.Service.List("{\"color\":[\"red\"]}"));
        AssertError(ErrorKind.InvalidParameter, "invalid filter: 'type'='odd'", () => harness.Service.List("{\"type\":[\"odd\"]}"));
    }

    [Fact]
    public void Prune_removes_unused_custom_networks_only()
    {
        using var harness = new NetworkServiceHarness();
        var used = harness.Service.Create(new NetworkCreateRequest { Name = "used" });
        harness.Service.Create(new NetworkCreateRequest { Name = "idle", Labels = new() { ["keep"] = "no" } });
        harness.Service.Create(new NetworkCreateRequest { Name = "kept", Labels = new() { ["keep"] = "yes" } });
        harness.Service.Allocate(used.Id, Container1, null, null, null, []);

        Assert.Null(harness.Service.Prune("{\"until\":[\"2000-01-01T00:00:00Z\"]}").NetworksDeleted);
        var report = harness.Service.Prune("{\"label!\":[\"keep=yes\"]}");

        Assert.Equal(["idle"], report.NetworksDeleted);
        Assert.Equal(["bridge", "host", "none", "used", "kept"], harness.Service.All().Select(n => n.Name).ToList());
    }

    [Fact]
    public void Iptables_false_removes_wharfs_tables_and_adds_no_rules()
    {
        using var harness = new NetworkServiceHarness(new NetworkServiceOptions { Iptables = false });
        harness.Service.Create(new NetworkCreateRequest { Name = "n" });

        Assert.True(harness.Firewall.RemovedAll);
        Assert.Empty(harness.Firewall.Networks);
    }

    private static NetworkIpam Ipam(string subnet, string? gateway = null, string? ipRange = null, Dictionary<string, string>? aux = null) =>
        new() { Config = [new IpamPoolConfig { Subnet = subnet, Gateway = gateway, IPRange = ipRange, AuxiliaryAddresses = aux }] };

    private static List<string> Names(IReadOnlyList<NetworkResource> networks) => [.. networks.Select(n => n.Name)];

    private static void AssertError(ErrorKind kind, string message, Action action)
    {
        var error = Assert.Throws<EngineException>(action);
        Assert.Equal(message, error.Message);
        Assert.Equal(kind, error.Kind);
    }
}
