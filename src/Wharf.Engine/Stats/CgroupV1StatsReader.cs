using System.Globalization;
using Wharf.Api;

namespace Wharf.Engine.Stats;

/// <summary>
/// cgroup v1 counters as containerd's cgroups library reads them and dockerd's statsV1 shapes them: cpuacct for CPU time,
/// cpu.stat for throttling, memory.* and memory.stat, pids.*, and blkio (CFQ files when the kernel has them, else throttle.*).
/// </summary>
public sealed class CgroupV1StatsReader : ICgroupStatsReader
{
    private const ulong NanosecondsPerSecond = 1_000_000_000;
    private const ulong ClockTicksPerSecond = 100;

    /// <summary>The memory.stat keys dockerd reports on v1, in its order.</summary>
    private static readonly string[] MemoryStatKeys =
    [
        "cache", "rss", "rss_huge", "mapped_file", "dirty", "writeback", "pgpgin", "pgpgout", "pgfault", "pgmajfault",
        "inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable", "hierarchical_memory_limit",
        "hierarchical_memsw_limit", "total_cache", "total_rss", "total_rss_huge", "total_mapped_file", "total_dirty",
        "total_writeback", "total_pgpgin", "total_pgpgout", "total_pgfault", "total_pgmajfault", "total_inactive_anon",
        "total_active_anon", "total_inactive_file", "total_active_file", "total_unevictable",
    ];

    private readonly CgroupMounts _mounts;
    private readonly ulong _machineMemory;

    public CgroupV1StatsReader(CgroupMounts mounts, ulong machineMemory)
    {
        ArgumentNullException.ThrowIfNull(mounts);
        _mounts = mounts;
        _machineMemory = machineMemory;
    }

    public CgroupSample Read(string cgroupsPath)
    {
        var memory = _mounts.V1Directory("memory", cgroupsPath);
        if (memory is not null && !Directory.Exists(memory))
        {
            throw new DirectoryNotFoundException($"cgroup {cgroupsPath} does not exist");
        }

        return new CgroupSample(ReadCpu(cgroupsPath), ReadMemory(memory), ReadPids(cgroupsPath), ReadBlkio(cgroupsPath));
    }

    private CpuStats ReadCpu(string cgroupsPath)
    {
        var cpuacct = _mounts.V1Directory("cpuacct", cgroupsPath);
        var cpu = _mounts.V1Directory("cpu", cgroupsPath);
        var times = CgroupFiles.ReadKeyValues(cpuacct, "cpuacct.stat");
        var throttling = CgroupFiles.ReadKeyValues(cpu, "cpu.stat");
        return new CpuStats
        {
            CpuUsage = new CpuUsage
            {
                TotalUsage = CgroupFiles.ReadNumber(cpuacct, "cpuacct.usage") ?? 0,
                PercpuUsage = CgroupFiles.ReadNumbers(cpuacct, "cpuacct.usage_percpu") is { Count: > 0 } percpu ? percpu : null,
                UsageInUsermode = times.GetValueOrDefault("user") * NanosecondsPerSecond / ClockTicksPerSecond,
                UsageInKernelmode = times.GetValueOrDefault("system") * NanosecondsPerSecond / ClockTicksPerSecond,
            },
            ThrottlingData = new ThrottlingData
            {
                Periods = throttling.GetValueOrDefault("nr_periods"),
                ThrottledPeriods = throttling.GetValueOrDefault("nr_throttled"),
                ThrottledTime = throttling.GetValueOrDefault("throttled_time"),
            },
        };
    }

    private MemoryStats ReadMemory(string? directory)
    {
        if (directory is null)
        {
            return new MemoryStats();
        }

        var stat = CgroupFiles.ReadKeyValues(directory, "memory.stat");
        var raw = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var key in MemoryStatKeys)
        {
            raw[key] = stat.GetValueOrDefault(key);
        }

        var limit = CgroupFiles.ReadNumber(directory, "memory.limit_in_bytes") ?? 0;
        if (limit > _machineMemory && _machineMemory > 0)
        {
            // No limit set: the kernel's "unlimited" is a huge number; dockerd shows the machine's memory instead.
            limit = _machineMemory;
        }

        return new MemoryStats
        {
            Stats = raw,
            Usage = NullIfZero(CgroupFiles.ReadNumber(directory, "memory.usage_in_bytes")),
            MaxUsage = NullIfZero(CgroupFiles.ReadNumber(directory, "memory.max_usage_in_bytes")),
            Failcnt = NullIfZero(CgroupFiles.ReadNumber(directory, "memory.failcnt")),
            Limit = NullIfZero(limit),
        };
    }

    private PidsStats ReadPids(string cgroupsPath)
    {
        var directory = _mounts.V1Directory("pids", cgroupsPath);
        return new PidsStats
        {
            Current = NullIfZero(CgroupFiles.ReadNumber(directory, "pids.current")),
            Limit = NullIfZero(CgroupFiles.ReadNumber(directory, "pids.max", max: 0)),
        };
    }

    private BlkioStats ReadBlkio(string cgroupsPath)
    {
        var directory = _mounts.V1Directory("blkio", cgroupsPath);
        if (directory is not null && File.Exists(Path.Combine(directory, "blkio.io_serviced_recursive")))
        {
            var cfq = new BlkioStats
            {
                SectorsRecursive = ReadEntries(directory, "blkio.sectors_recursive"),
                IoServiceBytesRecursive = ReadEntries(directory, "blkio.io_service_bytes_recursive"),
                IoServicedRecursive = ReadEntries(directory, "blkio.io_serviced_recursive"),
                IoQueueRecursive = ReadEntries(directory, "blkio.io_queued_recursive"),
                IoServiceTimeRecursive = ReadEntries(directory, "blkio.io_service_time_recursive"),
                IoWaitTimeRecursive = ReadEntries(directory, "blkio.io_wait_time_recursive"),
                IoMergedRecursive = ReadEntries(directory, "blkio.io_merged_recursive"),
                IoTimeRecursive = ReadEntries(directory, "blkio.time_recursive"),
            };
            if (cfq.IoServiceBytesRecursive!.Count + cfq.IoServicedRecursive!.Count + cfq.SectorsRecursive!.Count > 0)
            {
                return cfq;
            }
        }

        // Without CFQ (or when the container's devices do not use it) only the throttle counters exist; dockerd's
        // other lists are then empty, not absent.
        return new BlkioStats
        {
            IoServiceBytesRecursive = ReadEntries(directory, "blkio.throttle.io_service_bytes_recursive", "blkio.throttle.io_service_bytes"),
            IoServicedRecursive = ReadEntries(directory, "blkio.throttle.io_serviced_recursive", "blkio.throttle.io_serviced"),
            IoQueueRecursive = [],
            IoServiceTimeRecursive = [],
            IoWaitTimeRecursive = [],
            IoMergedRecursive = [],
            IoTimeRecursive = [],
            SectorsRecursive = [],
        };
    }

    /// <summary>"8:0 Read 4096" lines ("Total" lines skipped), from the first of <paramref name="files"/> that exists.</summary>
    private static List<BlkioStatEntry> ReadEntries(string? directory, params string[] files)
    {
        var entries = new List<BlkioStatEntry>();
        var text = files.Select(file => CgroupFiles.ReadText(directory, file)).FirstOrDefault(content => content is not null);
        if (text is null)
        {
            return entries;
        }

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split([' ', ':'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                continue;
            }

            var op = fields.Length >= 4 ? fields[2] : "";
            var valueField = fields.Length >= 4 ? fields[3] : fields[2];
            if (ulong.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
                && ulong.TryParse(valueField, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                entries.Add(new BlkioStatEntry { Major = major, Minor = minor, Op = op, Value = value });
            }
        }

        return entries;
    }

    private static ulong? NullIfZero(ulong? value) => value is null or 0 ? null : value;
}
