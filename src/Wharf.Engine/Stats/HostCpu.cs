using System.Globalization;

namespace Wharf.Engine.Stats;

/// <summary>The host's CPU counters as dockerd's stats collector reads them from /proc/stat.</summary>
public static class HostCpu
{
    private const ulong NanosecondsPerSecond = 1_000_000_000;
    private const ulong ClockTicksPerSecond = 100;

    /// <summary>
    /// system_cpu_usage: the sum of the first seven fields of the "cpu" line (user … softirq), in nanoseconds; and
    /// online_cpus: the number of "cpuN" lines.
    /// </summary>
    public static (ulong SystemUsage, uint OnlineCpus) Parse(string procStat)
    {
        ArgumentNullException.ThrowIfNull(procStat);
        ulong usage = 0;
        uint cpus = 0;
        foreach (var line in procStat.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || !fields[0].StartsWith("cpu", StringComparison.Ordinal))
            {
                continue;
            }

            if (fields[0] == "cpu")
            {
                if (fields.Length < 8)
                {
                    throw new FormatException("invalid number of cpu fields");
                }

                ulong ticks = 0;
                foreach (var field in fields.AsSpan(1, 7))
                {
                    ticks += ulong.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
                }

                usage = ticks * NanosecondsPerSecond / ClockTicksPerSecond;
            }
            else
            {
                cpus++;
            }
        }

        return (usage, cpus);
    }

    /// <summary>MemTotal of /proc/meminfo in bytes (dockerd caps a container's "unlimited" memory limit at it); 0 when unknown.</summary>
    public static ulong ParseMemTotal(string meminfo)
    {
        ArgumentNullException.ThrowIfNull(meminfo);
        foreach (var line in meminfo.Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var fields = line["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 1 && ulong.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
                {
                    return kilobytes * 1024;
                }
            }
        }

        return 0;
    }
}
