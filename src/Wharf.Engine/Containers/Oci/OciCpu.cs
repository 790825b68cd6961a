namespace Wharf.Engine.Containers.Oci;

/// <summary><c>linux.resources.cpu</c>.</summary>
public sealed record OciCpu
{
    public ulong? Shares { get; init; }

    public long? Quota { get; init; }

    public ulong? Period { get; init; }

    public long? RealtimeRuntime { get; init; }

    public ulong? RealtimePeriod { get; init; }

    public string? Cpus { get; init; }

    public string? Mems { get; init; }
}
