namespace Wharf.Api;

/// <summary>A per-device I/O rate limit.</summary>
public sealed record ThrottleDevice
{
    public string Path { get; init; } = "";

    public long Rate { get; init; }
}
