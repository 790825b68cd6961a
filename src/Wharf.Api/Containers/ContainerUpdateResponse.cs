namespace Wharf.Api;

/// <summary>The answer of <c>POST /containers/{id}/update</c>.</summary>
public sealed record ContainerUpdateResponse
{
    public IReadOnlyList<string>? Warnings { get; init; }
}
