namespace Wharf.Api;

/// <summary><c>State.Health</c>: starting, healthy or unhealthy, with the last probes.</summary>
public sealed record ContainerHealth
{
    public string Status { get; init; } = "";

    public int FailingStreak { get; init; }

    public IReadOnlyList<HealthcheckResult> Log { get; init; } = [];
}
