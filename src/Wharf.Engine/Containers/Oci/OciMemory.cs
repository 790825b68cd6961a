namespace Wharf.Engine.Containers.Oci;

/// <summary><c>linux.resources.memory</c> in bytes; <c>swap</c> is memory plus swap, as in cgroup v1's memsw.</summary>
public sealed record OciMemory
{
    public long? Limit { get; init; }

    public long? Reservation { get; init; }

    public long? Swap { get; init; }

    public ulong? Swappiness { get; init; }

    public bool? DisableOOMKiller { get; init; }
}
