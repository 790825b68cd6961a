using System.Globalization;
using Wharf.Api;

namespace Wharf.Engine.Stats;

/// <summary>cgroup v2 counters as dockerd's statsV2 shapes them: cpu.stat, memory.current/max/stat/events, pids.*, io.stat (read/write bytes only).</summary>
public sealed class CgroupV2StatsReader : ICgroupStatsReader
{
    private const ulong NanosecondsPerMicrosecond = 1_000;

    /// <summary>The memory.stat keys dockerd reports on v2, in its order.</summary>
    private static readonly string[] MemoryStatKeys =
    [
        "anon", "file", "kernel_stack", "slab", "sock", "shmem", "file_mapped", "file_dirty", "file_writeback", "anon_thp",
        "inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable", "slab_reclaimable", "slab_unreclaimable",
        "pgfault", "pgmajfault", "workingset_refault", "workingset_activate", "workingset_nodereclaim", "pgrefill", "pgscan",
        "pgsteal", "pgactivate", "pgdeactivate", "pglazyfree", "pglazyfreed", "thp_fault_alloc", "thp_collapse_alloc",
    ];

    private readonly CgroupMounts _mounts;
    private readonly ulong _machineMemory;

    public CgroupV2StatsReader(CgroupMounts mounts, ulong machineMemory)
    {
        ArgumentNullException.ThrowIfNull(mounts);
        _mounts = mounts;
        _machineMemory = machineMemory;
    }

    public CgroupSample Read(string cgroupsPath)
    {
        var directory = _mounts.UnifiedDirectory(cgroupsPath) ?? throw new DirectoryNotFoundException("no cgroup2 hierarchy is mounted");
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"cgroup {cgroupsPath} does not exist");
        }

        var cpu = CgroupFiles.ReadKeyValues(directory, "cpu.stat");
        var cpuStats = new CpuStats
        {
            CpuUsage = new CpuUsage
            {
                TotalUsage = cpu.GetValueOrDefault("usage_usec") * NanosecondsPerMicrosecond,
                UsageInKernelmode = cpu.GetValueOrDefault("system_usec") * NanosecondsPerMicrosecond,
                UsageInUsermode = cpu.GetValueOrDefault("user_usec") * NanosecondsPerMicrosecond,
            },
            ThrottlingData = new ThrottlingData
            {
                Periods = cpu.GetValueOrDefault("nr_periods"),
                ThrottledPeriods = cpu.GetValueOrDefault("nr_throttled"),
                ThrottledTime = cpu.GetValueOrDefault("throttled_usec") * NanosecondsPerMicrosecond,
            },
        };

        var stat = CgroupFiles.ReadKeyValues(directory, "memory.stat");
        var raw = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var key in MemoryStatKeys)
        {
            raw[key] = stat.GetValueOrDefault(key);
        }

        var limit = CgroupFiles.ReadNumber(directory, "memory.max", max: ulong.MaxValue) ?? 0;
        if (limit > _machineMemory && _machineMemory > 0)
        {
            limit = _machineMemory;
        }

        var memory = new MemoryStats
        {
            Stats = raw,
            Usage = NullIfZero(CgroupFiles.ReadNumber(directory, "memory.current")),
            Limit = NullIfZero(limit),
            Failcnt = NullIfZero(CgroupFiles.ReadKeyValues(directory, "memory.events").GetValueOrDefault("oom")),
        };

        var pids = new PidsStats
        {
            Current = NullIfZero(CgroupFiles.ReadNumber(directory, "pids.current")),
            Limit = NullIfZero(CgroupFiles.ReadNumber(directory, "pids.max", max: 0)),
        };

        return new CgroupSample(cpuStats, memory, pids, new BlkioStats { IoServiceBytesRecursive = ReadIo(directory) });
    }

    /// <summary>io.stat: "8:0 rbytes=1 wbytes=2 rios=3 …" → a read and a write entry per device; null when the file is absent.</summary>
    private static List<BlkioStatEntry>? ReadIo(string directory)
    {
        var text = CgroupFiles.ReadText(directory, "io.stat");
        if (text is null)
        {
            return null;
        }

        var entries = new List<BlkioStatEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var device = fields[0].Split(':');
            if (device.Length != 2
                || !ulong.TryParse(device[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !ulong.TryParse(device[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                continue;
            }

            ulong read = 0;
            ulong written = 0;
            foreach (var field in fields.Skip(1))
            {
                var (key, value) = field.Split('=') is [var k, var v] && ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (k, number) : ("", 0UL);
                if (key == "rbytes")
                {
                    read = value;
                }
                else if (key == "wbytes")
                {
                    written = value;
                }
            }

            entries.Add(new BlkioStatEntry { Major = major, Minor = minor, Op = "read", Value = read });
            entries.Add(new BlkioStatEntry { Major = major, Minor = minor, Op = "write", Value = written });
        }

        return entries.Count == 0 ? null : entries;
    }

    private static ulong? NullIfZero(ulong? value) => value is null or 0 ? null : value;
}
