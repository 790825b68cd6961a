namespace Wharf.Api;

/// <summary>The body of <c>POST /networks/{id}/disconnect</c>.</summary>
public sealed record NetworkDisconnectRequest
{
    public string Container { get; init; } = "";

    public bool Force { get; init; }
}
