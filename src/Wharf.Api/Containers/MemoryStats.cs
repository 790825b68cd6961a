using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>Memory usage and limit (bytes) and the cgroup's memory.stat.</summary>
public sealed record MemoryStats
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("usage")]
    public ulong? Usage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("max_usage")]
    public ulong? MaxUsage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("stats")]
    public Dictionary<string, ulong>? Stats { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("failcnt")]
    public ulong? Failcnt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("limit")]
    public ulong? Limit { get; init; }
}
