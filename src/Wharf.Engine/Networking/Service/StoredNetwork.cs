namespace Wharf.Engine.Networking.Service;

/// <summary>
/// One network as the <c>networks</c> table keeps it (the <c>record</c> column). Addresses are strings in their
/// canonical form; <see cref="UserSubnet"/> tells a subnet the user chose from one taken from the pools, since only
/// the former allows <c>--ip</c> (dockerd's rule).
/// </summary>
internal sealed record StoredNetwork
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Driver { get; init; }

    public string BridgeName { get; init; } = "";

    public DateTimeOffset Created { get; init; }

    public string? Subnet { get; init; }

    public string? Gateway { get; init; }

    public string? IPRange { get; init; }

    public string? SubnetV6 { get; init; }

    public string? GatewayV6 { get; init; }

    public string? IPRangeV6 { get; init; }

    public bool UserSubnet { get; init; }

    public bool UserSubnetV6 { get; init; }

    public Dictionary<string, string> AuxiliaryAddresses { get; init; } = [];

    public bool Internal { get; init; }

    public bool EnableIPv6 { get; init; }

    public bool Attachable { get; init; }

    public int Mtu { get; init; } = 1500;

    public bool IsDefaultBridge { get; init; }

    public bool InterContainerCommunication { get; init; } = true;

    public bool Masquerade { get; init; } = true;

    public string IpamDriver { get; init; } = "default";

    public Dictionary<string, string>? IpamOptions { get; init; }

    public Dictionary<string, string> Options { get; init; } = [];

    public Dictionary<string, string> Labels { get; init; } = [];
}
