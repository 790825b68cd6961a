using System.Globalization;
using Wharf.Api.Time;
using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>dockerd's state words (<c>State</c> of ps, <c>State.Status</c> of inspect) and status sentences (<c>Status</c> of ps).</summary>
internal static class ContainerStatusText
{
    public const string Created = "created";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Restarting = "restarting";
    public const string Removing = "removing";
    public const string Exited = "exited";
    public const string Dead = "dead";

    public static readonly IReadOnlyList<string> States = [Paused, Restarting, Removing, Running, Dead, Created, Exited];

    /// <summary>moby's <c>State.StateString</c>.</summary>
    public static string StateWord(ContainerRunState state, bool removalInProgress)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Running)
        {
            return state.Paused ? Paused : state.Restarting ? Restarting : Running;
        }

        if (removalInProgress)
        {
            return Removing;
        }

        if (state.Dead)
        {
            return Dead;
        }

        return state.StartedAt is null ? Created : Exited;
    }

    /// <summary>moby's <c>State.String</c>: "Up 3 seconds (Paused)", "Exited (3) 5 seconds ago", "Restarting (1) 2 seconds ago"….</summary>
    public static string Describe(ContainerRunState state, bool removalInProgress, ContainerHealth? health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Running)
        {
            var up = HumanDuration.Format(now - (state.StartedAt ?? now));
            if (state.Paused)
            {
                return $"Up {up} (Paused)";
            }

            if (state.Restarting)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Restarting ({state.ExitCode}) {HumanDuration.Format(now - (state.FinishedAt ?? now))} ago");
            }

            if (health is not null)
            {
                return $"Up {up} ({HealthWord(health)})";
            }

            return $"Up {up}";
        }

        if (removalInProgress)
        {
            return "Removal In Progress";
        }

        if (state.Dead)
        {
            return "Dead";
        }

        if (state.StartedAt is null)
        {
            return "Created";
        }

        if (state.FinishedAt is null)
        {
            return "";
        }

        return string.Create(CultureInfo.InvariantCulture, $"Exited ({state.ExitCode}) {HumanDuration.Format(now - state.FinishedAt.Value)} ago");
    }

    /// <summary>moby's <c>Health.String</c>: "health: starting", else the status itself.</summary>
    private static string HealthWord(ContainerHealth health) =>
        health.Status == "starting" ? "health: starting" : health.Status;
}
