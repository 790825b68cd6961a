namespace Wharf.Api;

/// <summary>The body of <c>POST /networks/create</c>.</summary>
public sealed record NetworkCreateRequest
{
    public string Name { get; init; } = "";

    /// <summary>Deprecated (API &lt; 1.44); dockerd always checks for duplicates now.</summary>
    public bool? CheckDuplicate { get; init; }

    public string? Driver { get; init; }

    public string? Scope { get; init; }

    public bool Internal { get; init; }

    public bool Attachable { get; init; }

    public bool Ingress { get; init; }

    public bool ConfigOnly { get; init; }

    public NetworkConfigReference? ConfigFrom { get; init; }

    public NetworkIpam? IPAM { get; init; }

    public bool? EnableIPv4 { get; init; }

    public bool? EnableIPv6 { get; init; }

    public Dictionary<string, string>? Options { get; init; }

    public Dictionary<string, string>? Labels { get; init; }
}
