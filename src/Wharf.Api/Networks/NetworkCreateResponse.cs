namespace Wharf.Api;

/// <summary>The answer to <c>POST /networks/create</c>.</summary>
public sealed record NetworkCreateResponse
{
    public string Id { get; init; } = "";

    public string Warning { get; init; } = "";
}
