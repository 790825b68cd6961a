using Wharf.Daemon.Configuration;
using Wharf.Engine.Containers;
using Wharf.Engine.Events;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Service;
using Wharf.Engine.State;

namespace Wharf.Daemon.Composition;

/// <summary>Turns wharfd's networking flags into the network service; the dataplane, firewall and container lookup come from the caller.</summary>
internal static class NetworkComposition
{
    public static NetworkServiceOptions Options(DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new NetworkServiceOptions
        {
            Bip = options.Bip,
            FixedCidr = options.FixedCidr,
            FixedCidrV6 = options.FixedCidrV6,
            BridgeName = string.IsNullOrEmpty(options.Bridge) ? NetworkServiceOptions.DefaultBridgeDevice : options.Bridge,
            DefaultAddressPools = options.DefaultAddressPools,
            Mtu = options.Mtu,
            Icc = options.Icc,
            IpMasq = options.IpMasq,
            Iptables = options.Iptables,
            Ipv6 = options.Ipv6,
        };
    }

    /// <summary>The network service over the state database; call <see cref="NetworkService.Initialize"/> before serving.</summary>
    public static NetworkService Create(
        DaemonOptions options,
        StateStore state,
        IBridgeDataplane dataplane,
        IFirewall firewall,
        IContainerLookup containers,
        IEventPublisher events,
        TimeProvider time) =>
        new(state, Options(options), dataplane, firewall, containers, events, time);
}
