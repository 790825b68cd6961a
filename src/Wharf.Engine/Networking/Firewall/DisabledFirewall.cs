namespace Wharf.Engine.Networking.Firewall;

/// <summary>wharfd started with <c>--iptables=false</c>: no NAT, forwarding or isolation rules at all, as dockerd then writes none.</summary>
public sealed class DisabledFirewall : IFirewall
{
    public void Initialize(IReadOnlyList<FirewallNetwork> networks, IReadOnlyList<FirewallPortSet> ports)
    {
    }

    public void AddNetwork(FirewallNetwork network)
    {
    }

    public void RemoveNetwork(string bridgeName)
    {
    }

    public void AddPorts(FirewallPortSet ports)
    {
    }

    public void RemovePorts(string containerId)
    {
    }

    public void RemoveAll()
    {
    }
}
