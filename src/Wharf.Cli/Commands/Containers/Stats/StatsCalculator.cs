using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Stats;

/// <summary>docker/cli's stats_helpers for Linux daemons: CPU % from the two samples the daemon sends, memory without page cache.</summary>
public static class StatsCalculator
{
    public static StatsEntry Compute(string container, ContainerStats sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var memory = MemoryWithoutCache(sample.MemoryStats);
        var limit = (double)(sample.MemoryStats.Limit ?? 0);
        var (rx, tx) = Network(sample.Networks);
        var (read, write) = BlockIo(sample.BlkioStats);
        return new StatsEntry
        {
            Container = container,
            Name = sample.Name,
            Id = sample.Id,
            CpuPercentage = CpuPercent(sample.PrecpuStats, sample.CpuStats),
            Memory = memory,
            MemoryLimit = limit,
            MemoryPercentage = limit != 0 ? memory / limit * 100.0 : 0,
            NetworkRx = rx,
            NetworkTx = tx,
            BlockRead = read,
            BlockWrite = write,
            PidsCurrent = sample.PidsStats.Current ?? 0,
        };
    }

    /// <summary>calculateCPUPercentUnix: the container's share of all CPUs' time between the samples, times the online CPUs.</summary>
    public static double CpuPercent(CpuStats previous, CpuStats current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var cpuDelta = (double)current.CpuUsage.TotalUsage - previous.CpuUsage.TotalUsage;
        var systemDelta = (double)(current.SystemCpuUsage ?? 0) - (previous.SystemCpuUsage ?? 0);
        double onlineCpus = current.OnlineCpus ?? 0;
        if (onlineCpus == 0)
        {
            onlineCpus = current.CpuUsage.PercpuUsage?.Count ?? 0;
        }

        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * onlineCpus * 100.0 : 0;
    }

    /// <summary>
    /// calculateMemUsageUnixNoCache: usage minus <c>total_inactive_file</c> on cgroup v1, minus <c>inactive_file</c>
    /// on v2 (as cadvisor and containerd count it), when that is smaller than the usage.
    /// </summary>
    public static double MemoryWithoutCache(MemoryStats memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var usage = memory.Usage ?? 0;
        var stats = memory.Stats;
        if (stats is not null && stats.TryGetValue("total_inactive_file", out var v1) && v1 < usage)
        {
            return usage - v1;
        }

        var v2 = stats is not null && stats.TryGetValue("inactive_file", out var inactive) ? inactive : 0;
        return v2 < usage ? usage - v2 : usage;
    }

    /// <summary>calculateBlockIO: bytes read and written, by the first letter of the op.</summary>
    public static (double Read, double Write) BlockIo(BlkioStats blkio)
    {
        ArgumentNullException.ThrowIfNull(blkio);
        ulong read = 0;
        ulong write = 0;
        foreach (var entry in blkio.IoServiceBytesRecursive ?? [])
        {
            if (entry.Op.Length == 0)
            {
                continue;
            }

            switch (entry.Op[0])
            {
                case 'r' or 'R':
                    read += entry.Value;
                    break;
                case 'w' or 'W':
                    write += entry.Value;
                    break;
                default:
                    break;
            }
        }

        return (read, write);
    }

    /// <summary>calculateNetwork: all interfaces together.</summary>
    public static (double Rx, double Tx) Network(IReadOnlyDictionary<string, NetworkStats>? networks)
    {
        double rx = 0;
        double tx = 0;
        foreach (var network in (networks ?? new Dictionary<string, NetworkStats>()).Values)
        {
            rx += network.RxBytes;
            tx += network.TxBytes;
        }

        return (rx, tx);
    }
}
