namespace Wharf.Engine.Containers;

/// <summary>
/// The persisted part of a container's state, as dockerd keeps it: <see cref="Running"/> stays true while paused and
/// while restarting (dockerd's checks treat both as running). Unset times are null.
/// </summary>
internal sealed record ContainerRunState
{
    public bool Running { get; init; }

    public bool Paused { get; init; }

    public bool Restarting { get; init; }

    public bool OomKilled { get; init; }

    public bool Dead { get; init; }

    public int Pid { get; init; }

    public int ExitCode { get; init; }

    public string Error { get; init; } = "";

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
