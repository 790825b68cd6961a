using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary><c>State</c> of a container inspect. Times are RFC 3339 with nanoseconds; never-set times are <c>0001-01-01T00:00:00Z</c>.</summary>
public sealed record ContainerState
{
    public string Status { get; init; } = "";

    public bool Running { get; init; }

    public bool Paused { get; init; }

    public bool Restarting { get; init; }

    public bool OOMKilled { get; init; }

    public bool Dead { get; init; }

    public int Pid { get; init; }

    public int ExitCode { get; init; }

    public string Error { get; init; } = "";

    public string StartedAt { get; init; } = "";

    public string FinishedAt { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerHealth? Health { get; init; }
}
