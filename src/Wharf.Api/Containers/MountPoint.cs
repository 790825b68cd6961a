using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>A mount of a running container, as inspect and ps show it.</summary>
public sealed record MountPoint
{
    public string Type { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    public string Source { get; init; } = "";

    public string Destination { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Driver { get; init; }

    public string Mode { get; init; } = "";

    public bool RW { get; init; }

    public string Propagation { get; init; } = "";
}
