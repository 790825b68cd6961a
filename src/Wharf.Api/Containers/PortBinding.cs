namespace Wharf.Api;

/// <summary>A host address and port a container port is published on.</summary>
public sealed record PortBinding
{
    public string HostIp { get; init; } = "";

    public string HostPort { get; init; } = "";
}
