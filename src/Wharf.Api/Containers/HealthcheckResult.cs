namespace Wharf.Api;

/// <summary>One healthcheck probe.</summary>
public sealed record HealthcheckResult
{
    public string Start { get; init; } = "";

    public string End { get; init; } = "";

    public int ExitCode { get; init; }

    public string Output { get; init; } = "";
}
