using Wharf.Engine.Stats;

namespace Wharf.Engine.Tests.Stats;

public sealed class CgroupReaderTests : IDisposable
{
    private const ulong MachineMemory = 8UL << 30;

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void V1_counters_come_out_as_dockerd_shapes_them()
    {
        var mounts = CgroupMounts.Parse(string.Join('\n', new[] { "cpu", "cpuacct", "memory", "pids", "blkio" }.Select((controller, i) =>
            $"{31 + i} 30 0:{28 + i} / {_root.Path}/{controller} rw - cgroup cgroup rw,{controller}")), root: _root.Path);
        Write("cpuacct/wharf/c/cpuacct.usage", "123456789\n");
        Write("cpuacct/wharf/c/cpuacct.usage_percpu", "100 200 \n");
        Write("cpuacct/wharf/c/cpuacct.stat", "user 7\nsystem 3\n");
        Write("cpu/wharf/c/cpu.stat", "nr_periods 5\nnr_throttled 2\nthrottled_time 999\n");
        Write("memory/wharf/c/memory.usage_in_bytes", "1048576\n");
        Write("memory/wharf/c/memory.max_usage_in_bytes", "2097152\n");
        Write("memory/wharf/c/memory.limit_in_bytes", "9223372036854771712\n");
        Write("memory/wharf/c/memory.failcnt", "0\n");
        Write("memory/wharf/c/memory.stat", "cache 10\nrss 20\ntotal_inactive_file 30\nswap 1\n");
        Write("pids/wharf/c/pids.current", "3\n");
        Write("pids/wharf/c/pids.max", "max\n");
        Write("blkio/wharf/c/blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 8192\n8:0 Total 12288\nTotal 12288\n");
        Write("blkio/wharf/c/blkio.throttle.io_serviced_recursive", "8:0 Read 1\n8:0 Write 2\nTotal 3\n");

        var sample = new CgroupV1StatsReader(mounts, MachineMemory).Read("/wharf/c");

        Assert.Equal(123456789UL, sample.Cpu.CpuUsage.TotalUsage);
        Assert.Equal([100UL, 200UL], sample.Cpu.CpuUsage.PercpuUsage);
        Assert.Equal(70_000_000UL, sample.Cpu.CpuUsage.UsageInUsermode);
        Assert.Equal(30_000_000UL, sample.Cpu.CpuUsage.UsageInKernelmode);
        Assert.Equal((5UL, 2UL, 999UL), (sample.Cpu.ThrottlingData.Periods, sample.Cpu.ThrottlingData.ThrottledPeriods, sample.Cpu.ThrottlingData.ThrottledTime));
        Assert.Equal(1048576UL, sample.Memory.Usage);
        Assert.Equal(2097152UL, sample.Memory.MaxUsage);
        Assert.Equal(MachineMemory, sample.Memory.Limit);
        Assert.Null(sample.Memory.Failcnt);
        Assert.Equal(32, sample.Memory.Stats!.Count);
        Assert.Equal(10UL, sample.Memory.Stats["cache"]);
        Assert.Equal(30UL, sample.Memory.Stats["total_inactive_file"]);
        Assert.Equal(0UL, sample.Memory.Stats["hierarchical_memsw_limit"]);
        Assert.False(sample.Memory.Stats.ContainsKey("swap"));
        Assert.Equal(3UL, sample.Pids.Current);
        Assert.Null(sample.Pids.Limit);
        Assert.Equal(["Read 4096", "Write 8192", "Total 12288"], sample.Blkio.IoServiceBytesRecursive!.Select(e => $"{e.Op} {e.Value}"));
        Assert.Equal(8UL, sample.Blkio.IoServiceBytesRecursive![0].Major);
        Assert.Equal(2, sample.Blkio.IoServicedRecursive!.Count);
        Assert.Empty(sample.Blkio.IoQueueRecursive!);
    }

    [Fact]
    public void V1_reading_a_removed_cgroup_fails()
    {
        var mounts = CgroupMounts.Parse($"34 30 0:31 / {_root.Path}/memory rw - cgroup cgroup rw,memory", root: _root.Path);
        Directory.CreateDirectory(_root.File("memory"));

        Assert.ThrowsAny<IOException>(() => new CgroupV1StatsReader(mounts, MachineMemory).Read("/wharf/gone"));
    }

    [Fact]
    public void V2_counters_come_out_as_dockerd_shapes_them()
    {
        var mounts = CgroupMounts.Parse($"29 22 0:26 / {_root.Path} rw - cgroup2 cgroup2 rw", root: _root.Path);
        Write("wharf/c/cpu.stat", "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\nnr_periods 4\nnr_throttled 1\nthrottled_usec 7\n");
        Write("wharf/c/memory.current", "4096\n");
        Write("wharf/c/memory.max", "max\n");
        Write("wharf/c/memory.stat", "anon 1\nfile 2\ninactive_file 3\n");
        Write("wharf/c/memory.events", "low 0\nhigh 0\nmax 0\noom 2\noom_kill 1\n");
        Write("wharf/c/pids.current", "2\n");
        Write("wharf/c/pids.max", "100\n");
        Write("wharf/c/io.stat", "8:0 rbytes=10 wbytes=20 rios=1 wios=2 dbytes=0 dios=0\n");

        var sample = new CgroupV2StatsReader(mounts, MachineMemory).Read("/wharf/c");

        Assert.Equal(1_500_000UL, sample.Cpu.CpuUsage.TotalUsage);
        Assert.Null(sample.Cpu.CpuUsage.PercpuUsage);
        Assert.Equal(1_000_000UL, sample.Cpu.CpuUsage.UsageInUsermode);
        Assert.Equal(7_000UL, sample.Cpu.ThrottlingData.ThrottledTime);
        Assert.Equal(4096UL, sample.Memory.Usage);
        Assert.Equal(MachineMemory, sample.Memory.Limit);
        Assert.Null(sample.Memory.MaxUsage);
        Assert.Equal(2UL, sample.Memory.Failcnt);
        Assert.Equal(3UL, sample.Memory.Stats!["inactive_file"]);
        Assert.Equal((2UL, 100UL), (sample.Pids.Current!.Value, sample.Pids.Limit!.Value));
        Assert.Equal(["read 10", "write 20"], sample.Blkio.IoServiceBytesRecursive!.Select(e => $"{e.Op} {e.Value}"));
        Assert.Null(sample.Blkio.IoServicedRecursive);
    }

    [Fact]
    public void V2_limits_below_the_machines_memory_stay()
    {
        var mounts = CgroupMounts.Parse($"29 22 0:26 / {_root.Path} rw - cgroup2 cgroup2 rw", root: _root.Path);
        Write("wharf/c/memory.max", "67108864\n");

        var sample = new CgroupV2StatsReader(mounts, MachineMemory).Read("/wharf/c");

        Assert.Equal(67108864UL, sample.Memory.Limit);
    }

    private void Write(string relative, string content)
    {
        var path = _root.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
