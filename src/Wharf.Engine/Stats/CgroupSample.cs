using Wharf.Api;

namespace Wharf.Engine.Stats;

/// <summary>What one read of a container's cgroup gives, already in the API's shape.</summary>
public sealed record CgroupSample(CpuStats Cpu, MemoryStats Memory, PidsStats Pids, BlkioStats Blkio);
