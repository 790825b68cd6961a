using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>PIDs in the container's cgroup and the limit.</summary>
public sealed record PidsStats
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("current")]
    public ulong? Current { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("limit")]
    public ulong? Limit { get; init; }
}
