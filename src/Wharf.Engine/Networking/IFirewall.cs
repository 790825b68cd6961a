namespace Wharf.Engine.Networking;

/// <summary>
/// NAT, port forwarding and isolation in nftables tables of wharf's own (never touching other tables' rules, so
/// Docker's and firewalld's rules on the same host keep working). Each call is one atomic nftables transaction.
/// </summary>
public interface IFirewall
{
    /// <summary>Replaces wharf's tables as a whole with these networks and ports: start-up and reconcile.</summary>
    void Initialize(IReadOnlyList<FirewallNetwork> networks, IReadOnlyList<FirewallPortSet> ports);

    /// <summary>Adds or replaces one network's rules.</summary>
    void AddNetwork(FirewallNetwork network);

    void RemoveNetwork(string bridgeName);

    /// <summary>Adds (replacing) a container's port forwards: DNAT from every host address incl. 127.0.0.1 and from other containers (hairpin).</summary>
    void AddPorts(FirewallPortSet ports);

    void RemovePorts(string containerId);

    /// <summary>Deletes wharf's tables (tests, and wharfd started with <c>--iptables=false</c>).</summary>
    void RemoveAll();
}
