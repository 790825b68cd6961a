using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>CPU usage of the container and of the whole system, in nanoseconds.</summary>
public sealed record CpuStats
{
    [JsonPropertyName("cpu_usage")]
    public CpuUsage CpuUsage { get; init; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("system_cpu_usage")]
    public ulong? SystemCpuUsage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("online_cpus")]
    public uint? OnlineCpus { get; init; }

    [JsonPropertyName("throttling_data")]
    public ThrottlingData ThrottlingData { get; init; } = new();
}
