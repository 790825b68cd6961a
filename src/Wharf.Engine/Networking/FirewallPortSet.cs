namespace Wharf.Engine.Networking;

/// <summary>A container's published ports, all on one bridge (the first network that has the container's address).</summary>
public sealed record FirewallPortSet(string ContainerId, string BridgeName, IReadOnlyList<PublishedPort> Ports);
