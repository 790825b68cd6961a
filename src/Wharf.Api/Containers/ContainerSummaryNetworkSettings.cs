namespace Wharf.Api;

/// <summary><c>NetworkSettings</c> of a container list entry.</summary>
public sealed record ContainerSummaryNetworkSettings
{
    public Dictionary<string, EndpointSettings> Networks { get; init; } = [];
}
