namespace Wharf.Api;

/// <summary>The answer of <c>GET /exec/{id}/json</c>.</summary>
public sealed record ExecInspect
{
    public bool CanRemove { get; init; }

    public string ContainerID { get; init; } = "";

    public string DetachKeys { get; init; } = "";

    public int? ExitCode { get; init; }

    public string ID { get; init; } = "";

    public bool OpenStderr { get; init; }

    public bool OpenStdin { get; init; }

    public bool OpenStdout { get; init; }

    public ExecProcessConfig ProcessConfig { get; init; } = new();

    public bool Running { get; init; }

    public int Pid { get; init; }
}
