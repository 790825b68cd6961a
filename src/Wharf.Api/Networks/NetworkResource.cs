namespace Wharf.Api;

/// <summary>A network as <c>GET /networks</c> and <c>GET /networks/{id}</c> return it (the spec's <c>Network</c>).</summary>
public sealed record NetworkResource
{
    public string Name { get; init; } = "";

    public string Id { get; init; } = "";

    /// <summary>RFC 3339 with nanoseconds, as dockerd writes Go times.</summary>
    public string Created { get; init; } = "";

    public string Scope { get; init; } = "local";

    public string Driver { get; init; } = "";

    public bool EnableIPv4 { get; init; } = true;

    public bool EnableIPv6 { get; init; }

    public NetworkIpam IPAM { get; init; } = new();

    public bool Internal { get; init; }

    public bool Attachable { get; init; }

    public bool Ingress { get; init; }

    public NetworkConfigReference ConfigFrom { get; init; } = new();

    public bool ConfigOnly { get; init; }

    /// <summary>Running containers on the network by container ID (only in inspect; list returns an empty map).</summary>
    public Dictionary<string, NetworkContainer> Containers { get; init; } = [];

    public Dictionary<string, string> Options { get; init; } = [];

    public Dictionary<string, string> Labels { get; init; } = [];
}
