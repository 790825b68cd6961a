using System.Collections.Concurrent;
using System.Net;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;

namespace Wharf.Engine.Tests.Networking.Service;

/// <summary>Records bridges instead of making them; host routes and a failing bridge are the test's to set.</summary>
public sealed class FakeDataplane : IBridgeDataplane
{
    public ConcurrentDictionary<string, BridgeSpec> Bridges { get; } = new(StringComparer.Ordinal);

    public List<IPNetwork> Routes { get; } = [];

    public string? FailBridge { get; set; }

    public void EnsureBridge(BridgeSpec bridge)
    {
        if (bridge.Name == FailBridge)
        {
            throw EngineException.Unavailable($"cannot create bridge {bridge.Name}: operation not permitted");
        }

        Bridges[bridge.Name] = bridge;
    }

    public void RemoveBridge(string name) => Bridges.TryRemove(name, out _);

    public void InitializeNamespace(string namespacePath)
    {
    }

    public void AddEndpoint(VethEndpointSpec endpoint)
    {
    }

    public void RemoveEndpoint(string hostInterfaceName)
    {
    }

    public IReadOnlyList<string> ListLinks(string prefix) => [.. Bridges.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];

    public IReadOnlyList<IPNetwork> HostRoutes() => [.. Routes];
}
