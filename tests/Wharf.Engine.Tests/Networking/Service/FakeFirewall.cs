using System.Collections.Concurrent;
using Wharf.Engine.Networking;

namespace Wharf.Engine.Tests.Networking.Service;

/// <summary>Keeps the networks wharf's tables would hold.</summary>
public sealed class FakeFirewall : IFirewall
{
    public ConcurrentDictionary<string, FirewallNetwork> Networks { get; } = new(StringComparer.Ordinal);

    public int Initializations { get; private set; }

    public bool RemovedAll { get; private set; }

    public void Initialize(IReadOnlyList<FirewallNetwork> networks, IReadOnlyList<FirewallPortSet> ports)
    {
        Initializations++;
        Networks.Clear();
        foreach (var network in networks)
        {
            Networks[network.BridgeName] = network;
        }
    }

    public void AddNetwork(FirewallNetwork network) => Networks[network.BridgeName] = network;

    public void RemoveNetwork(string bridgeName) => Networks.TryRemove(bridgeName, out _);

    public void AddPorts(FirewallPortSet ports)
    {
    }

    public void RemovePorts(string containerId)
    {
    }

    public void RemoveAll()
    {
        RemovedAll = true;
        Networks.Clear();
    }
}
