using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>Block I/O counters (cgroup v1 names; v2 fills io_service_bytes_recursive only, as dockerd).</summary>
public sealed record BlkioStats
{
    [JsonPropertyName("io_service_bytes_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoServiceBytesRecursive { get; init; }

    [JsonPropertyName("io_serviced_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoServicedRecursive { get; init; }

    [JsonPropertyName("io_queue_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoQueueRecursive { get; init; }

    [JsonPropertyName("io_service_time_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoServiceTimeRecursive { get; init; }

    [JsonPropertyName("io_wait_time_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoWaitTimeRecursive { get; init; }

    [JsonPropertyName("io_merged_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoMergedRecursive { get; init; }

    [JsonPropertyName("io_time_recursive")]
    public IReadOnlyList<BlkioStatEntry>? IoTimeRecursive { get; init; }

    [JsonPropertyName("sectors_recursive")]
    public IReadOnlyList<BlkioStatEntry>? SectorsRecursive { get; init; }
}
