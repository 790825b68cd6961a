using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>A bridge device to create or update: its name, gateway addresses (on the bridge) and MTU.</summary>
/// <param name="GatewayV4">Assigned to the bridge with the subnet's prefix length (<c>172.18.0.1/16</c>).</param>
public sealed record BridgeSpec(string Name, IPAddress? GatewayV4, int PrefixLengthV4, IPAddress? GatewayV6, int PrefixLengthV6, int Mtu);
