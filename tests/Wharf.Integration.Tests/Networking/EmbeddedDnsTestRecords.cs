using System.Net;
using Wharf.Engine.Networking;

namespace Wharf.Integration.Tests.Networking;

/// <summary>One container named "web" (and "web-alias"), forwarding everything else to the given loopback resolver.</summary>
internal sealed class EmbeddedDnsTestRecords(IPEndPoint upstream) : IDnsRecordSource
{
    public static readonly IPAddress WebAddress = IPAddress.Parse("10.99.0.2");

    public IReadOnlyList<IPAddress> Lookup(string askingContainerId, string name) =>
        name.Equals("web", StringComparison.OrdinalIgnoreCase) || name.Equals("web-alias", StringComparison.OrdinalIgnoreCase)
            ? [WebAddress]
            : [];

    public string? ReverseLookup(string askingContainerId, IPAddress address) => address.Equals(WebAddress) ? "web.testnet" : null;

    public IReadOnlyList<IPEndPoint> Upstreams(string askingContainerId) => [upstream];
}
