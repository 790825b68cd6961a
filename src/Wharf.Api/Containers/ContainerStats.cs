using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>One sample of <c>GET /containers/{id}/stats</c> (snake_case names, as dockerd).</summary>
public sealed record ContainerStats
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("read")]
    public string Read { get; init; } = "";

    [JsonPropertyName("preread")]
    public string Preread { get; init; } = "";

    [JsonPropertyName("pids_stats")]
    public PidsStats PidsStats { get; init; } = new();

    [JsonPropertyName("blkio_stats")]
    public BlkioStats BlkioStats { get; init; } = new();

    [JsonPropertyName("num_procs")]
    public int NumProcs { get; init; }

    [JsonPropertyName("storage_stats")]
    public EmptyObject StorageStats { get; init; } = new();

    [JsonPropertyName("cpu_stats")]
    public CpuStats CpuStats { get; init; } = new();

    [JsonPropertyName("precpu_stats")]
    public CpuStats PrecpuStats { get; init; } = new();

    [JsonPropertyName("memory_stats")]
    public MemoryStats MemoryStats { get; init; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("networks")]
    public Dictionary<string, NetworkStats>? Networks { get; init; }
}
