namespace Wharf.Api;

/// <summary>The answer of <c>POST /containers/create</c>.</summary>
public sealed record ContainerCreateResponse
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
