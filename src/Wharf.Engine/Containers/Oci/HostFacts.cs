using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Containers.Oci;

/// <summary>What the spec builder needs to know about the host; read once by <see cref="HostFactsProbe"/>, made by hand in tests.</summary>
public sealed record HostFacts
{
    /// <summary>Capabilities (<c>CAP_…</c>) the daemon itself holds, in kernel order: what <c>--privileged</c> and <c>--cap-add ALL</c> give.</summary>
    public IReadOnlyList<string> AvailableCapabilities { get; init; } = CapabilityNames.Known;

    public int KernelMajor { get; init; }

    public int KernelMinor { get; init; }

    /// <summary>Go's name of the machine (<c>amd64</c>, <c>arm64</c>…), as Docker's seccomp rules name architectures.</summary>
    public string Architecture { get; init; } = "amd64";

    public bool CgroupV2 { get; init; }

    public CgroupFeatures Cgroups { get; init; } = new();

    public bool MemorySwappiness { get; init; }

    public bool MemoryReservation { get; init; }

    public bool CgroupNamespaces { get; init; } = true;

    public int CpuCount { get; init; } = 1;

    /// <summary>The CPUs containers may use (<c>cpuset.cpus</c> of the root cpuset group), e.g. <c>0-3</c>.</summary>
    public string CpusetCpus { get; init; } = "0";

    public string CpusetMems { get; init; } = "0";

    /// <summary>The daemon's own hard RLIMIT_NOFILE: a container's default cannot be higher.</summary>
    public ulong OpenFilesHardLimit { get; init; } = 1048576;

    /// <summary>Whether <c>net.ipv4.ping_group_range</c> exists (dockerd only sets sysctls the kernel has).</summary>
    public bool PingGroupRangeSysctl { get; init; } = true;

    public bool UnprivilegedPortStartSysctl { get; init; } = true;

    /// <summary>The directory whose device nodes <c>--privileged</c> passes through: <c>/dev</c>, or a scratch dir in tests.</summary>
    public string DevicesRoot { get; init; } = "/dev";
}
