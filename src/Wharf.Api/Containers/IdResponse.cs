namespace Wharf.Api;

/// <summary>An answer that only names what was made (<c>POST /containers/{id}/exec</c>).</summary>
public sealed record IdResponse
{
    public string Id { get; init; } = "";
}
