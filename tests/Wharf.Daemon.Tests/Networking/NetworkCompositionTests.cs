using Wharf.Api;
using Wharf.Daemon.Composition;
using Wharf.Daemon.Configuration;
using Wharf.Engine.Networking.Service;

namespace Wharf.Daemon.Tests.Networking;

public sealed class NetworkCompositionTests
{
    [Fact]
    public void Daemon_flags_become_the_network_service_options()
    {
        var options = NetworkComposition.Options(new DaemonOptions
        {
            Bip = "10.1.0.1/24",
            FixedCidr = "10.1.0.128/25",
            FixedCidrV6 = "fd00:1::/64",
            Bridge = "wbr1",
            DefaultAddressPools = [new AddressPool("10.20.0.0/16", 24)],
            Mtu = 1400,
            Icc = false,
            IpMasq = false,
            Iptables = false,
            Ipv6 = true,
        });

        Assert.Equal("10.1.0.1/24", options.Bip);
        Assert.Equal("10.1.0.128/25", options.FixedCidr);
        Assert.Equal("fd00:1::/64", options.FixedCidrV6);
        Assert.Equal("wbr1", options.BridgeName);
        Assert.Equal(new AddressPool("10.20.0.0/16", 24), Assert.Single(options.DefaultAddressPools!));
        Assert.Equal(1400, options.Mtu);
        Assert.False(options.Icc);
        Assert.False(options.IpMasq);
        Assert.False(options.Iptables);
        Assert.True(options.Ipv6);
    }

    [Fact]
    public void Without_bridge_the_default_device_is_wharf0()
    {
        var options = NetworkComposition.Options(new DaemonOptions());

        Assert.Equal(NetworkServiceOptions.DefaultBridgeDevice, options.BridgeName);
        Assert.Equal("wharf0", options.BridgeName);
        Assert.True(options.Iptables);
        Assert.Null(options.Bip);
    }
}
