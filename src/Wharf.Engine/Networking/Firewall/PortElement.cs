namespace Wharf.Engine.Networking.Firewall;

/// <summary>One element of a DNAT map (<c>dnat4_any</c>, <c>dnat4_at</c>, <c>dnat6_any</c>, <c>dnat6_at</c>) in nft syntax.</summary>
/// <param name="ContainerId">The container's short ID, kept as the element's comment so a listing shows whose port it is.</param>
internal sealed record PortElement(string ContainerId, string Map, string Key, string Value);
