namespace Wharf.Api;

/// <summary>A container's endpoint as a network's inspect lists it; addresses in CIDR form (<c>172.18.0.2/16</c>).</summary>
public sealed record NetworkContainer
{
    public string Name { get; init; } = "";

    public string EndpointID { get; init; } = "";

    public string MacAddress { get; init; } = "";

    public string IPv4Address { get; init; } = "";

    public string IPv6Address { get; init; } = "";
}
