using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>
/// One veth pair between a bridge and a container's network namespace. The host end (<paramref name="HostInterfaceName"/>,
/// <c>wv</c> + 11 chars of the endpoint ID) is enslaved to the bridge and up; the other end is moved into the namespace,
/// renamed <paramref name="ContainerInterfaceName"/> (<c>eth0</c>, <c>eth1</c>…), given the MAC, addresses and MTU, set
/// up, and — when <paramref name="DefaultRoute"/> — the default routes via the gateways.
/// </summary>
public sealed record VethEndpointSpec(
    string NamespacePath,
    string BridgeName,
    string HostInterfaceName,
    string ContainerInterfaceName,
    string MacAddress,
    IPAddress? IPv4,
    int PrefixLengthV4,
    IPAddress? GatewayV4,
    IPAddress? IPv6,
    int PrefixLengthV6,
    IPAddress? GatewayV6,
    int Mtu,
    bool DefaultRoute);
