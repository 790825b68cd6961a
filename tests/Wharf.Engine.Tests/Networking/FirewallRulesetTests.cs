using System.Net;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Firewall;

namespace Wharf.Engine.Tests.Networking;

public sealed class FirewallRulesetTests
{
    private static readonly FirewallNetwork UserNetwork = new("br-0123456789ab", IPNetwork.Parse("172.18.0.0/16"), IPNetwork.Parse("fd00:1::/64"), Internal: false, Masquerade: true, InterContainerCommunication: true);

    [Fact]
    public void Table_replaces_the_whole_table_in_one_buffer()
    {
        var text = NftablesRuleset.Table("wtest", [UserNetwork], []);

        var lines = text.Split('\n');
        Assert.Equal("table inet wtest", lines[0]);
        Assert.Equal("delete table inet wtest", lines[1]);
        Assert.Equal("table inet wtest {", lines[2]);
        Assert.Contains("type nat hook prerouting priority dstnat; policy accept;", text, StringComparison.Ordinal);
        Assert.Contains("type filter hook forward priority filter; policy accept;", text, StringComparison.Ordinal);
        Assert.Contains("fib daddr type local jump ports", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" ip filter", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_masquerades_its_subnets_leaving_through_other_interfaces()
    {
        var text = NftablesRuleset.Table("wtest", [UserNetwork], []);

        Assert.Contains("add rule inet wtest pin-br-0123456789ab oifname != \"br-0123456789ab\" ip saddr 172.18.0.0/16 masquerade", text, StringComparison.Ordinal);
        Assert.Contains("add rule inet wtest pin-br-0123456789ab oifname != \"br-0123456789ab\" ip6 saddr fd00:1::/64 masquerade", text, StringComparison.Ordinal);
        Assert.Contains("add rule inet wtest pout-br-0123456789ab iifname \"br-0123456789ab\" ct status dnat masquerade", text, StringComparison.Ordinal);
        Assert.Contains("add rule inet wtest pout-br-0123456789ab ip saddr 127.0.0.0/8 masquerade", text, StringComparison.Ordinal);
        Assert.Contains("add rule inet wtest fin-br-0123456789ab oifname @bridges drop", text, StringComparison.Ordinal);
        Assert.Contains("add element inet wtest bridges { \"br-0123456789ab\" }", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_internal_network_has_no_masquerade_and_drops_what_leaves_or_enters_its_bridge()
    {
        var text = NftablesRuleset.Table("wtest", [UserNetwork with { Internal = true }], []);

        Assert.DoesNotContain("saddr 172.18.0.0/16 masquerade", text, StringComparison.Ordinal);
        Assert.Contains("add rule inet wtest fin-br-0123456789ab oifname \"br-0123456789ab\" accept\nadd rule inet wtest fin-br-0123456789ab drop\n", text, StringComparison.Ordinal);
        Assert.Contains("add rule inet wtest fout-br-0123456789ab drop\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_icc_traffic_within_the_bridge_is_dropped()
    {
        var text = NftablesRuleset.Table("wtest", [UserNetwork with { InterContainerCommunication = false }], []);

        Assert.Contains("add rule inet wtest fin-br-0123456789ab oifname \"br-0123456789ab\" drop", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_masquerade_nothing_is_rewritten_on_the_way_out()
    {
        var text = NftablesRuleset.Table("wtest", [UserNetwork with { Masquerade = false }], []);

        Assert.DoesNotContain("saddr 172.18.0.0/16", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_ports_become_dnat_map_elements()
    {
        var any = NftablesRuleset.ElementFor("c0ffee0123456789", new PublishedPort("tcp", null, 8080, IPAddress.Parse("172.18.0.2"), 80));
        var at = NftablesRuleset.ElementFor("c0ffee0123456789", new PublishedPort("udp", IPAddress.Loopback, 5353, IPAddress.Parse("172.18.0.2"), 53));
        var v6 = NftablesRuleset.ElementFor("c0ffee0123456789", new PublishedPort("tcp", IPAddress.IPv6Any, 8080, IPAddress.Parse("fd00:1::2"), 80));

        Assert.Equal(new PortElement("c0ffee012345", "dnat4_any", "tcp . 8080", "172.18.0.2 . 80"), any);
        Assert.Equal(new PortElement("c0ffee012345", "dnat4_at", "127.0.0.1 . udp . 5353", "172.18.0.2 . 53"), at);
        Assert.Equal(new PortElement("c0ffee012345", "dnat6_any", "tcp . 8080", "fd00:1::2 . 80"), v6);
        Assert.Null(NftablesRuleset.ElementFor("c", new PublishedPort("tcp", IPAddress.IPv6Loopback, 8080, IPAddress.Parse("172.18.0.2"), 80)));
    }

    [Fact]
    public void Bad_bridge_names_and_protocols_are_refused_before_nft_sees_them()
    {
        Assert.Throws<EngineException>(() => NftablesRuleset.ValidBridgeName("br\"; flush ruleset"));
        Assert.Throws<EngineException>(() => NftablesRuleset.ValidBridgeName("a-name-longer-than-15"));
        Assert.Throws<EngineException>(() => NftablesRuleset.ElementFor("c", new PublishedPort("icmp", null, 1, IPAddress.Loopback, 1)));
    }

    [Fact]
    public void Adding_ports_touches_only_map_elements_and_removing_them_cannot_fail_on_a_missing_one()
    {
        var buffers = new List<string>();
        using var firewall = new NftablesFirewall("wtest", text => Record(buffers, text));
        var ports = new FirewallPortSet("c0ffee0123456789", "br-0123456789ab", [new PublishedPort("tcp", null, 8080, IPAddress.Parse("172.18.0.2"), 80)]);

        firewall.AddPorts(ports);
        firewall.AddPorts(ports with { Ports = [new PublishedPort("tcp", null, 8081, IPAddress.Parse("172.18.0.2"), 80)] });
        firewall.RemovePorts("c0ffee0123456789");
        firewall.RemovePorts("c0ffee0123456789");

        Assert.Equal(3, buffers.Count);
        Assert.Equal("add element inet wtest dnat4_any { tcp . 8080 comment \"c0ffee012345\" : 172.18.0.2 . 80 }\n", buffers[0]);
        Assert.Equal(
            "add element inet wtest dnat4_any { tcp . 8080 comment \"c0ffee012345\" : 172.18.0.2 . 80 }\n"
            + "delete element inet wtest dnat4_any { tcp . 8080 }\n"
            + "add element inet wtest dnat4_any { tcp . 8081 comment \"c0ffee012345\" : 172.18.0.2 . 80 }\n",
            buffers[1]);
        Assert.Equal(
            "add element inet wtest dnat4_any { tcp . 8081 comment \"c0ffee012345\" : 172.18.0.2 . 80 }\n"
            + "delete element inet wtest dnat4_any { tcp . 8081 }\n",
            buffers[2]);
    }

    [Fact]
    public void Dockers_forward_drop_is_answered_with_tagged_accepts_in_docker_user()
    {
        const string listing = "table ip filter {\n\tchain DOCKER-USER {\n"
            + "\t\tiifname \"br-old\" accept comment \"wharf:wtest\" # handle 7\n"
            + "\t\tiifname \"br-other\" accept comment \"wharf:elsewhere\" # handle 8\n"
            + "\t\tcounter packets 0 bytes 0 return # handle 3\n\t}\n}\n";
        var buffers = new List<string>();
        using var firewall = new NftablesFirewall("wtest", text =>
            text.StartsWith("list chain ip filter", StringComparison.Ordinal) ? listing
            : text.StartsWith("list chain", StringComparison.Ordinal) ? throw new Wharf.Linux.NftablesException("No such file or directory")
            : Record(buffers, text));

        firewall.Initialize([UserNetwork], []);
        firewall.RemoveAll();

        Assert.Equal(2, buffers.Count);
        Assert.Contains("delete rule ip filter DOCKER-USER handle 7\n", buffers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("handle 8", buffers[0], StringComparison.Ordinal);
        Assert.Contains("insert rule ip filter DOCKER-USER iifname \"br-0123456789ab\" accept comment \"wharf:wtest\"\n", buffers[0], StringComparison.Ordinal);
        Assert.Contains("insert rule ip filter DOCKER-USER oifname \"br-0123456789ab\" accept comment \"wharf:wtest\"\n", buffers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("ip6 filter", buffers[0], StringComparison.Ordinal);
        Assert.StartsWith("table inet wtest\ndelete table inet wtest\n", buffers[1], StringComparison.Ordinal);
        Assert.Contains("delete rule ip filter DOCKER-USER handle 7\n", buffers[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Nft_errors_become_engine_errors_with_nfts_text()
    {
        using var firewall = new NftablesFirewall("wtest", text =>
            text.StartsWith("list", StringComparison.Ordinal) ? throw new Wharf.Linux.NftablesException("no chain") : throw new Wharf.Linux.NftablesException("Error: Could not process rule: No such file or directory"));

        var error = Assert.Throws<EngineException>(() => firewall.AddNetwork(UserNetwork));

        Assert.Equal(ErrorKind.Internal, error.Kind);
        Assert.Contains("Could not process rule: No such file or directory", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Keeps the transactions; listings (is the table there?) answer "yes, empty".</summary>
    private static string Record(List<string> buffers, string text)
    {
        if (!text.StartsWith("list ", StringComparison.Ordinal))
        {
            buffers.Add(text);
        }

        return string.Empty;
    }
}
