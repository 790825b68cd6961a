using Wharf.Engine.Containers.Oci;
using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Tests.Containers.Oci;

/// <summary>Fixed host facts, so the specs under test do not depend on the machine running them.</summary>
public static class TestHosts
{
    public static readonly CgroupFeatures AllCgroupFeatures = new()
    {
        MemoryLimit = true,
        SwapLimit = true,
        KernelMemoryTcp = true,
        OomKillDisable = true,
        CpuCfsPeriod = true,
        CpuCfsQuota = true,
        CpuShares = true,
        CpuSet = true,
        PidsLimit = true,
        BlkioWeight = true,
        BlkioWeightDevice = true,
        BlkioReadBpsDevice = true,
        BlkioWriteBpsDevice = true,
        BlkioReadIopsDevice = true,
        BlkioWriteIopsDevice = true,
    };

    /// <summary>An x86-64 host on cgroup v1 with every controller, 2 CPUs, kernel 6.1 and all capabilities.</summary>
    public static HostFacts V1 { get; } = new()
    {
        AvailableCapabilities = CapabilityNames.Known,
        KernelMajor = 6,
        KernelMinor = 1,
        Architecture = "amd64",
        CgroupV2 = false,
        Cgroups = AllCgroupFeatures,
        MemorySwappiness = true,
        MemoryReservation = true,
        CgroupNamespaces = true,
        CpuCount = 2,
        CpusetCpus = "0-1",
        CpusetMems = "0",
        OpenFilesHardLimit = 1048576,
    };

    public static HostFacts V2 { get; } = V1 with { CgroupV2 = true, MemorySwappiness = false };
}
