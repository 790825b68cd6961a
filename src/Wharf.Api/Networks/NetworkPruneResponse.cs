namespace Wharf.Api;

/// <summary>The answer to <c>POST /networks/prune</c>: the names of the removed networks.</summary>
public sealed record NetworkPruneResponse
{
    public IReadOnlyList<string>? NetworksDeleted { get; init; }
}
