namespace Wharf.Engine.Containers.Oci;

/// <summary>A per-device I/O rate limit, by device number.</summary>
public sealed record OciThrottleDevice(long Major, long Minor, ulong Rate);
