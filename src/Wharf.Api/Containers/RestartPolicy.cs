namespace Wharf.Api;

/// <summary>When the engine restarts a container: <c>""</c>/<c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure</c>.</summary>
public sealed record RestartPolicy
{
    public string Name { get; init; } = "";

    public int MaximumRetryCount { get; init; }
}
