using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// dockerd's verifyPlatformContainerResources: rejects bad values with its messages, and drops what this host's
/// cgroups cannot enforce with its warnings. The returned resources are what the container really gets.
/// </summary>
public static class ResourceChecks
{
    /// <summary>6 MiB: not a kernel limit, but what dockerd requires so that a container can start at all.</summary>
    public const long MinimumMemory = 6 * 1024 * 1024;

    public static T Verify<T>(T resources, HostFacts host, bool update, List<string> warnings)
        where T : ContainerResources
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(warnings);
        var r = resources;
        var features = host.Cgroups;

        // A swappiness of -1 means "unset" to the API.
        if (r.MemorySwappiness == -1)
        {
            r = r with { MemorySwappiness = null };
        }

        if (r.Memory != 0 && r.Memory < MinimumMemory)
        {
            throw Invalid("Minimum memory limit allowed is 6MB");
        }

        if (r.Memory > 0 && !features.MemoryLimit)
        {
            warnings.Add("Your kernel does not support memory limit capabilities or the cgroup is not mounted. Limitation discarded.");
            r = r with { Memory = 0, MemorySwap = -1 };
        }

        if (r.Memory > 0 && r.MemorySwap != -1 && !features.SwapLimit)
        {
            warnings.Add("Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.");
            r = r with { MemorySwap = -1 };
        }

        if (r.Memory > 0 && r.MemorySwap > 0 && r.MemorySwap < r.Memory)
        {
            throw Invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
        }

        if (r.Memory == 0 && r.MemorySwap > 0 && !update)
        {
            throw Invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
        }

        if (r.MemorySwappiness is not null && !host.MemorySwappiness)
        {
            warnings.Add("Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.");
            r = r with { MemorySwappiness = null };
        }

        if (r.MemorySwappiness is { } swappiness && swappiness is < 0 or > 100)
        {
            throw Invalid(Format($"Invalid value: {swappiness}, valid memory swappiness range is 0-100"));
        }

        if (r.MemoryReservation > 0 && !host.MemoryReservation)
        {
            warnings.Add("Your kernel does not support memory soft limit capabilities or the cgroup is not mounted. Limitation discarded.");
            r = r with { MemoryReservation = 0 };
        }

        if (r.MemoryReservation > 0 && r.MemoryReservation < MinimumMemory)
        {
            throw Invalid("Minimum memory reservation allowed is 6MB");
        }

        if (r.Memory > 0 && r.MemoryReservation > 0 && r.Memory < r.MemoryReservation)
        {
            throw Invalid("Minimum memory limit can not be less than memory reservation limit, see usage");
        }

        if (r.OomKillDisable is not null && !features.OomKillDisable)
        {
            // No point warning a caller who asked for the OOM killer to stay on.
            if (r.OomKillDisable.Value)
            {
                warnings.Add("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
            }

            r = r with { OomKillDisable = null };
        }

        if (r.OomKillDisable == true && r.Memory == 0)
        {
            warnings.Add("OOM killer is disabled for the container, but no memory limit is set, this can result in the system running out of resources.");
        }

        if (r.PidsLimit is not null && !features.PidsLimit)
        {
            if (r.PidsLimit > 0)
            {
                warnings.Add("Your kernel does not support PIDs limit capabilities or the cgroup is not mounted. PIDs limit discarded.");
            }

            r = r with { PidsLimit = null };
        }

        r = VerifyCpu(r, host, warnings);
        r = VerifyCpuset(r, host, warnings);
        return VerifyBlockIo(r, host, warnings);
    }

    private static T VerifyCpu<T>(T r, HostFacts host, List<string> warnings)
        where T : ContainerResources
    {
        var cfs = host.Cgroups.CpuCfsPeriod && host.Cgroups.CpuCfsQuota;
        if (r.NanoCpus > 0 && r.CpuPeriod > 0)
        {
            throw Invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }

        if (r.NanoCpus > 0 && r.CpuQuota > 0)
        {
            throw Invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        }

        if (r.NanoCpus > 0 && !cfs)
        {
            throw Invalid("NanoCPUs can not be set, as your kernel does not support CPU CFS scheduler or the cgroup is not mounted");
        }

        if (r.NanoCpus != 0 && (r.NanoCpus < 0 || r.NanoCpus > host.CpuCount * 1_000_000_000L))
        {
            throw Invalid(Format($"Range of CPUs is from 0.01 to {host.CpuCount}.00, as there are only {host.CpuCount} CPUs available"));
        }

        if (r.CpuShares > 0 && !host.Cgroups.CpuShares)
        {
            warnings.Add("Your kernel does not support CPU shares or the cgroup is not mounted. Shares discarded.");
            r = r with { CpuShares = 0 };
        }

        if ((r.CpuPeriod != 0 || r.CpuQuota != 0) && !cfs)
        {
            warnings.Add("Your kernel does not support CPU CFS scheduler. CPU period/quota discarded.");
            r = r with { CpuPeriod = 0, CpuQuota = 0 };
        }

        if (r.CpuPeriod != 0 && (r.CpuPeriod < 1000 || r.CpuPeriod > 1_000_000))
        {
            throw Invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        }

        if (r.CpuQuota > 0 && r.CpuQuota < 1000)
        {
            throw Invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        }

        if (r.CpuPercent > 0)
        {
            warnings.Add("linux does not support CPU percent. Percent discarded.");
            r = r with { CpuPercent = 0 };
        }

        return r;
    }

    private static T VerifyCpuset<T>(T r, HostFacts host, List<string> warnings)
        where T : ContainerResources
    {
        if ((r.CpusetCpus.Length > 0 || r.CpusetMems.Length > 0) && !host.Cgroups.CpuSet)
        {
            warnings.Add("Your kernel does not support cpuset or the cgroup is not mounted. Cpuset discarded.");
            r = r with { CpusetCpus = "", CpusetMems = "" };
        }

        if (!CpusetAvailable(r.CpusetCpus, host.CpusetCpus, "cpus"))
        {
            throw Invalid($"Requested CPUs are not available - requested {r.CpusetCpus}, available: {host.CpusetCpus}");
        }

        if (!CpusetAvailable(r.CpusetMems, host.CpusetMems, "mems"))
        {
            throw Invalid($"Requested memory nodes are not available - requested {r.CpusetMems}, available: {host.CpusetMems}");
        }

        return r;
    }

    private static T VerifyBlockIo<T>(T r, HostFacts host, List<string> warnings)
        where T : ContainerResources
    {
        var features = host.Cgroups;
        if (r.BlkioWeight > 0 && !features.BlkioWeight)
        {
            warnings.Add("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.");
            r = r with { BlkioWeight = 0 };
        }

        if (r.BlkioWeight > 0 && (r.BlkioWeight < 10 || r.BlkioWeight > 1000))
        {
            throw Invalid("Range of blkio weight is from 10 to 1000");
        }

        if (r.IOMaximumBandwidth != 0 || r.IOMaximumIOps != 0)
        {
            throw Invalid("Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps");
        }

        if (r.BlkioWeightDevice is { Count: > 0 } && !features.BlkioWeightDevice)
        {
            warnings.Add("Your kernel does not support Block I/O weight_device or the cgroup is not mounted. Weight-device discarded.");
            r = r with { BlkioWeightDevice = [] };
        }

        if (r.BlkioDeviceReadBps is { Count: > 0 } && !features.BlkioReadBpsDevice)
        {
            warnings.Add("Your kernel does not support BPS Block I/O read limit or the cgroup is not mounted. Block I/O BPS read limit discarded.");
            r = r with { BlkioDeviceReadBps = [] };
        }

        if (r.BlkioDeviceWriteBps is { Count: > 0 } && !features.BlkioWriteBpsDevice)
        {
            warnings.Add("Your kernel does not support BPS Block I/O write limit or the cgroup is not mounted. Block I/O BPS write limit discarded.");
            r = r with { BlkioDeviceWriteBps = [] };
        }

        if (r.BlkioDeviceReadIOps is { Count: > 0 } && !features.BlkioReadIopsDevice)
        {
            warnings.Add("Your kernel does not support IOPS Block read limit or the cgroup is not mounted. Block I/O IOPS read limit discarded.");
            r = r with { BlkioDeviceReadIOps = [] };
        }

        if (r.BlkioDeviceWriteIOps is { Count: > 0 } && !features.BlkioWriteIopsDevice)
        {
            warnings.Add("Your kernel does not support IOPS Block write limit or the cgroup is not mounted. Block I/O IOPS write limit discarded.");
            r = r with { BlkioDeviceWriteIOps = [] };
        }

        return r;
    }

    /// <summary>Whether every CPU (or memory node) of <paramref name="requested"/> is in <paramref name="available"/>; a malformed list is an error.</summary>
    private static bool CpusetAvailable(string requested, string available, string kind)
    {
        if (requested.Length == 0)
        {
            return true;
        }

        var availableSet = CpuList.Parse(available, maximum: 0) ?? [];
        var maximum = Math.Max(8192, availableSet.Count == 0 ? 0 : availableSet.Max());
        var requestedSet = CpuList.Parse(requested, maximum)
            ?? throw Invalid($"Invalid value {requested} for cpuset {kind}: invalid format: {requested}");
        return requestedSet.All(availableSet.Contains);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static EngineException Invalid(string message) => EngineException.InvalidParameter(message);
}
