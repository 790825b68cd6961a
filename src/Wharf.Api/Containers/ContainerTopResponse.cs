namespace Wharf.Api;

/// <summary>The answer of <c>GET /containers/{id}/top</c>: ps's header and rows.</summary>
public sealed record ContainerTopResponse
{
    public IReadOnlyList<string> Titles { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Processes { get; init; } = [];
}
