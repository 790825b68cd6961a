namespace Wharf.Api;

/// <summary><c>NetworkSettings</c> of a container inspect.</summary>
public sealed record NetworkSettings
{
    public string Bridge { get; init; } = "";

    public string SandboxID { get; init; } = "";

    public string SandboxKey { get; init; } = "";

    public Dictionary<string, IReadOnlyList<PortBinding>?> Ports { get; init; } = [];

    public bool HairpinMode { get; init; }

    public string LinkLocalIPv6Address { get; init; } = "";

    public int LinkLocalIPv6PrefixLen { get; init; }

    public IReadOnlyList<string>? SecondaryIPAddresses { get; init; }

    public IReadOnlyList<string>? SecondaryIPv6Addresses { get; init; }

    public string EndpointID { get; init; } = "";

    public string Gateway { get; init; } = "";

    public string GlobalIPv6Address { get; init; } = "";

    public int GlobalIPv6PrefixLen { get; init; }

    public string IPAddress { get; init; } = "";

    public int IPPrefixLen { get; init; }

    public string IPv6Gateway { get; init; } = "";

    public string MacAddress { get; init; } = "";

    public Dictionary<string, EndpointSettings> Networks { get; init; } = [];
}
