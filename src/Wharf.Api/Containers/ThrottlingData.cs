using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>CFS throttling counters.</summary>
public sealed record ThrottlingData
{
    [JsonPropertyName("periods")]
    public ulong Periods { get; init; }

    [JsonPropertyName("throttled_periods")]
    public ulong ThrottledPeriods { get; init; }

    [JsonPropertyName("throttled_time")]
    public ulong ThrottledTime { get; init; }
}
