using System.Net;
using Wharf.Engine.Networking;

namespace Wharf.Engine.Tests.Networking;

internal sealed class DnsFakeRecordSource : IDnsRecordSource
{
    public Dictionary<string, IReadOnlyList<IPAddress>> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<IPAddress, string> Hosts { get; } = [];

    public List<IPEndPoint> Resolvers { get; } = [];

    public List<string> AskedNames { get; } = [];

    public IReadOnlyList<IPAddress> Lookup(string askingContainerId, string name)
    {
        lock (AskedNames)
        {
            AskedNames.Add(name);
        }

        return Names.TryGetValue(name, out var addresses) ? addresses : [];
    }

    public string? ReverseLookup(string askingContainerId, IPAddress address) => Hosts.GetValueOrDefault(address);

    public IReadOnlyList<IPEndPoint> Upstreams(string askingContainerId) => Resolvers;
}
