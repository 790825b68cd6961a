using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>The container's CPU time.</summary>
public sealed record CpuUsage
{
    [JsonPropertyName("total_usage")]
    public ulong TotalUsage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("percpu_usage")]
    public IReadOnlyList<ulong>? PercpuUsage { get; init; }

    [JsonPropertyName("usage_in_kernelmode")]
    public ulong UsageInKernelmode { get; init; }

    [JsonPropertyName("usage_in_usermode")]
    public ulong UsageInUsermode { get; init; }
}
