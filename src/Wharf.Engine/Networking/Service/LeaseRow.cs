namespace Wharf.Engine.Networking.Service;

/// <summary>One row of <c>ip_leases</c>: addresses as text, aliases one per line.</summary>
internal sealed record LeaseRow(string NetworkId, string ContainerId, string EndpointId, string? Address, string? AddressV6, string MacAddress, IReadOnlyList<string> Aliases);
