namespace Wharf.Api;

/// <summary><c>NetworkingConfig</c> of create: the endpoint settings per network.</summary>
public sealed record NetworkingConfig
{
    public Dictionary<string, EndpointSettings>? EndpointsConfig { get; init; }
}
