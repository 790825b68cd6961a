using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>What the firewall needs of one bridge network: masquerade its outbound traffic, isolate it from other bridges, keep internal ones in.</summary>
public sealed record FirewallNetwork(string BridgeName, IPNetwork? Subnet, IPNetwork? SubnetV6, bool Internal, bool Masquerade, bool InterContainerCommunication);
