using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerHostFilesTests
{
    [Fact]
    public void Loopback_and_ipv6_name_servers_are_dropped()
    {
        var filtered = ContainerHostFiles.FilterNameServers("# comment\nnameserver 127.0.0.53\nnameserver 10.0.0.2\nnameserver ::1\nnameserver fe80::1%eth0\nsearch lan\n");

        Assert.Equal("# comment\nnameserver 10.0.0.2\nsearch lan\n", filtered);
    }

    [Fact]
    public void Without_a_name_server_left_dockers_fallback_is_added()
    {
        var filtered = ContainerHostFiles.FilterNameServers("nameserver 127.0.0.53\noptions edns0\n");

        Assert.Equal("options edns0\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n", filtered);
    }

    [Fact]
    public void The_host_network_keeps_the_hosts_file_as_it_is()
    {
        Assert.Equal("nameserver 127.0.0.53\n", ContainerHostFiles.ResolvConf(true, "nameserver 127.0.0.53\n", [], [], []));
    }

    [Fact]
    public void Dns_settings_replace_their_part_and_keep_the_rest()
    {
        var text = ContainerHostFiles.ResolvConf(false, "nameserver 10.0.0.2\nsearch lan\noptions ndots:2\n", ["1.1.1.1"], [], []);

        Assert.Equal("search lan\nnameserver 1.1.1.1\noptions ndots:2\n", text);
    }

    [Fact]
    public void Hosts_has_dockers_defaults_and_extra_hosts()
    {
        var hosts = ContainerHostFiles.Hosts(false, null, ["db:10.0.0.5", "v6:[::2]"]);

        Assert.StartsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n", hosts, StringComparison.Ordinal);
        Assert.EndsWith("10.0.0.5\tdb\n::2\tv6\n", hosts, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_extra_hosts_are_refused()
    {
        Assert.Throws<EngineException>(() => ContainerHostFiles.ParseExtraHost("nocolon"));
        Assert.Equal("invalid IP address in add-host: \"x\"", Assert.Throws<EngineException>(() => ContainerHostFiles.ParseExtraHost("a:x")).Message);
    }

    [Fact]
    public void A_sandbox_hosts_file_ends_with_the_links_and_the_containers_own_address()
    {
        var hosts = ContainerHostFiles.SandboxHosts(["db.local:10.0.0.9"], [("172.17.0.3", "db 0123456789ab db1")], "172.17.0.2", "web", "example.com");

        Assert.EndsWith("ff02::2\tip6-allrouters\n10.0.0.9\tdb.local\n172.17.0.3\tdb 0123456789ab db1\n172.17.0.2\tweb.example.com web\n", hosts);
    }

    [Fact]
    public void User_defined_networks_resolve_through_the_embedded_dns_with_ndots_0()
    {
        var resolvConf = ContainerHostFiles.EmbeddedDnsResolvConf("nameserver 10.0.0.2\nsearch lan\noptions ndots:5 edns0\n", "127.0.0.11", [], []);

        Assert.Equal("search lan\nnameserver 127.0.0.11\noptions ndots:0 edns0\n", resolvConf);
    }

    [Fact]
    public void A_containers_own_ndots_option_is_kept()
    {
        Assert.Equal("nameserver 127.0.0.11\noptions ndots:2\n", ContainerHostFiles.EmbeddedDnsResolvConf("nameserver 10.0.0.2\n", "127.0.0.11", [], ["ndots:2"]));
    }

    [Fact]
    public void Every_name_server_counts_as_an_upstream_loopback_included()
    {
        Assert.Equal(["127.0.0.53", "10.0.0.2", "fe80::1"], ContainerHostFiles.NameServers("nameserver 127.0.0.53\nnameserver 10.0.0.2\nnameserver fe80::1%eth0\n"));
    }
}
