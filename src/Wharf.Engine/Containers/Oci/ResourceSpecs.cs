using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Docker's resources in OCI form: at start (dockerd's WithResources) and for an update (toContainerdResources).</summary>
public static class ResourceSpecs
{
    /// <summary>CFS period dockerd uses for <c>--cpus</c>: 100 ms.</summary>
    public const ulong NanoCpusPeriod = 100_000;

    /// <summary><c>linux.resources</c> at start, from resources already passed through <see cref="ResourceChecks"/>.</summary>
    public static OciResources ForStart(ContainerResources resources, IReadOnlyList<OciDeviceRule> deviceRules)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var swap = resources.MemorySwap;
        // dockerd stores twice the memory as swap when none is given (adaptContainerSettings).
        if (resources.Memory > 0 && swap == 0)
        {
            swap = resources.Memory * 2;
        }

        var memory = new OciMemory
        {
            Limit = resources.Memory > 0 ? resources.Memory : null,
            Reservation = resources.MemoryReservation > 0 ? resources.MemoryReservation : null,
            Swap = swap > 0 ? swap : null,
            Swappiness = resources.MemorySwappiness is { } swappiness ? (ulong)swappiness : null,
            // dockerd stores false when none is given (adaptContainerSettings), so it is always written.
            DisableOOMKiller = resources.OomKillDisable ?? false,
        };

        return new OciResources
        {
            Devices = deviceRules,
            Memory = memory,
            Cpu = Cpu(resources),
            // dockerd stores 0 and negative limits as "none" at create, so a container never starts with -1.
            Pids = resources.PidsLimit > 0 ? new OciPids(resources.PidsLimit.Value) : null,
            BlockIO = BlockIo(resources),
        };
    }

    /// <summary>What <c>runc update -r</c> gets for <c>docker update</c>: CPU period and quota always present, unchanged values zero.</summary>
    public static OciResources ForUpdate(ContainerResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ulong period = 0;
        long quota = 0;
        if (resources.NanoCpus != 0)
        {
            period = NanoCpusPeriod;
            quota = resources.NanoCpus * (long)NanoCpusPeriod / 1_000_000_000L;
        }

        if (quota == 0 && resources.CpuQuota != 0)
        {
            quota = resources.CpuQuota;
        }

        if (period == 0 && resources.CpuPeriod != 0)
        {
            period = (ulong)resources.CpuPeriod;
        }

        return new OciResources
        {
            Memory = new OciMemory
            {
                Limit = resources.Memory != 0 ? resources.Memory : null,
                Reservation = resources.MemoryReservation != 0 ? resources.MemoryReservation : null,
                Swap = resources.MemorySwap > 0 ? resources.MemorySwap : null,
            },
            Cpu = new OciCpu
            {
                Shares = resources.CpuShares != 0 ? (ulong)resources.CpuShares : null,
                Quota = quota,
                Period = period,
                Cpus = resources.CpusetCpus,
                Mems = resources.CpusetMems,
            },
            Pids = Pids(resources.PidsLimit),
            BlockIO = resources.BlkioWeight != 0 ? new OciBlockIo { Weight = (ushort)resources.BlkioWeight } : null,
        };
    }

    private static OciCpu? Cpu(ContainerResources r)
    {
        if (r.CpuShares < 0)
        {
            throw EngineException.InvalidParameter(string.Create(
                CultureInfo.InvariantCulture, $"invalid CPU shares ({r.CpuShares}): value must be a positive integer"));
        }

        ulong? period = null;
        long? quota = null;
        if (r.NanoCpus > 0)
        {
            period = NanoCpusPeriod;
            quota = r.NanoCpus * (long)NanoCpusPeriod / 1_000_000_000L;
        }

        if (r.CpuPeriod != 0)
        {
            period = (ulong)r.CpuPeriod;
        }

        if (r.CpuQuota != 0)
        {
            quota = r.CpuQuota;
        }

        var cpu = new OciCpu
        {
            Shares = r.CpuShares != 0 ? (ulong)r.CpuShares : null,
            Quota = quota,
            Period = period,
            RealtimeRuntime = r.CpuRealtimeRuntime != 0 ? r.CpuRealtimeRuntime : null,
            RealtimePeriod = r.CpuRealtimePeriod != 0 ? (ulong)r.CpuRealtimePeriod : null,
            Cpus = r.CpusetCpus.Length > 0 ? r.CpusetCpus : null,
            Mems = r.CpusetMems.Length > 0 ? r.CpusetMems : null,
        };
        return cpu == new OciCpu() ? null : cpu;
    }

    /// <summary>0 and negative mean "no limit" to the API; runc update wants -1 to lift a limit.</summary>
    private static OciPids? Pids(long? limit) =>
        limit is null ? null : new OciPids(limit <= 0 ? -1 : limit.Value);

    private static OciBlockIo BlockIo(ContainerResources r) => new()
    {
        Weight = r.BlkioWeight != 0 ? (ushort)r.BlkioWeight : null,
        WeightDevice = NullIfEmpty(r.BlkioWeightDevice?.Select(device =>
        {
            var (major, minor) = DeviceNodes.DeviceNumber(device.Path);
            return new OciWeightDevice(major, minor, (ushort)device.Weight);
        })),
        ThrottleReadBpsDevice = Throttle(r.BlkioDeviceReadBps),
        ThrottleWriteBpsDevice = Throttle(r.BlkioDeviceWriteBps),
        ThrottleReadIOPSDevice = Throttle(r.BlkioDeviceReadIOps),
        ThrottleWriteIOPSDevice = Throttle(r.BlkioDeviceWriteIOps),
    };

    private static List<OciThrottleDevice>? Throttle(IReadOnlyList<ThrottleDevice>? devices) =>
        NullIfEmpty(devices?.Select(device =>
        {
            var (major, minor) = DeviceNodes.DeviceNumber(device.Path);
            return new OciThrottleDevice(major, minor, (ulong)device.Rate);
        }));

    private static List<T>? NullIfEmpty<T>(IEnumerable<T>? items) =>
        items?.ToList() is { Count: > 0 } list ? list : null;
}
