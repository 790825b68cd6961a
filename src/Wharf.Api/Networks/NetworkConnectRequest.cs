namespace Wharf.Api;

/// <summary>The body of <c>POST /networks/{id}/connect</c>.</summary>
public sealed record NetworkConnectRequest
{
    public string Container { get; init; } = "";

    public EndpointSettings? EndpointConfig { get; init; }
}
