using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Stats;

/// <summary>Reads a sample from the cgroup files, /proc/stat and the container's /proc/&lt;pid&gt;/net/dev.</summary>
public sealed class StatsSampler : IStatsSampler
{
    private readonly ICgroupStatsReader _cgroups;
    private readonly TimeProvider _time;
    private readonly string _procRoot;

    public StatsSampler(ICgroupStatsReader cgroups, TimeProvider time, string procRoot = "/proc")
    {
        ArgumentNullException.ThrowIfNull(cgroups);
        ArgumentNullException.ThrowIfNull(time);
        _cgroups = cgroups;
        _time = time;
        _procRoot = procRoot;
    }

    /// <summary>The reader for this host: v2 when the cgroup root is cgroup2, else v1; limits are capped at the machine's memory.</summary>
    public static StatsSampler ForHost(TimeProvider time)
    {
        var mounts = CgroupMounts.Detect();
        var memory = HostCpu.ParseMemTotal(File.ReadAllText("/proc/meminfo"));
        ICgroupStatsReader reader = mounts.IsUnified ? new CgroupV2StatsReader(mounts, memory) : new CgroupV1StatsReader(mounts, memory);
        return new StatsSampler(reader, time);
    }

    public ContainerStats Sample(ContainerView container, int pid)
    {
        ArgumentNullException.ThrowIfNull(container);
        var read = _time.GetUtcNow();
        var cgroup = _cgroups.Read(container.CgroupsPath);

        // Sampled right after the container's usage, as dockerd does, to keep the CPU percentage steady.
        var (systemUsage, onlineCpus) = HostCpu.Parse(File.ReadAllText(Path.Combine(_procRoot, "stat")));
        return new ContainerStats
        {
            Read = GoTime.FormatRfc3339Nano(read),
            PidsStats = cgroup.Pids,
            BlkioStats = cgroup.Blkio,
            CpuStats = cgroup.Cpu with { SystemCpuUsage = systemUsage, OnlineCpus = onlineCpus },
            MemoryStats = cgroup.Memory,
            Networks = container.HostConfig.NetworkMode == "host" ? null : ReadNetworks(pid),
        };
    }

    private Dictionary<string, NetworkStats>? ReadNetworks(int pid)
    {
        try
        {
            return NetworkDevStats.Parse(File.ReadAllText(Path.Combine(_procRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "net", "dev")));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
