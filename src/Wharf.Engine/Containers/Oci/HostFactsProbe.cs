using System.Globalization;
using System.Runtime.InteropServices;
using Wharf.Engine.SystemInfo;
using Wharf.Linux;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Reads <see cref="HostFacts"/> from /proc, /sys and uname, the places dockerd's sysinfo and caps packages read.</summary>
public static class HostFactsProbe
{
    private const ulong DockerDefaultOpenFiles = 1048576;

    public static HostFacts Detect()
    {
        var lastCapability = ReadInt("/proc/sys/kernel/cap_last_cap") ?? (CapabilityNames.Known.Count - 1);
        var (kernelMajor, kernelMinor) = KernelVersion.Parse(Uname.Read().Release);
        var cgroupV2 = CgroupProbe.DetectVersion() == "2";
        var memoryMount = cgroupV2 ? null : V1Mountpoint("memory");
        var cpusetRoot = cgroupV2 ? CgroupProbe.DefaultRoot : V1Mountpoint("cpuset");
        return new HostFacts
        {
            AvailableCapabilities = ReadEffectiveCapabilities(lastCapability),
            KernelMajor = kernelMajor,
            KernelMinor = kernelMinor,
            Architecture = GoArchitecture(RuntimeInformation.OSArchitecture),
            CgroupV2 = cgroupV2,
            Cgroups = CgroupProbe.Detect(),
            // cgroup v2 has no swappiness knob at all; v1 has it per group.
            MemorySwappiness = memoryMount is not null && File.Exists(Path.Combine(memoryMount, "memory.swappiness")),
            MemoryReservation = cgroupV2 || (memoryMount is not null && File.Exists(Path.Combine(memoryMount, "memory.soft_limit_in_bytes"))),
            CgroupNamespaces = File.Exists("/proc/self/ns/cgroup"),
            CpuCount = Environment.ProcessorCount,
            CpusetCpus = ReadCpuset(cpusetRoot, "cpus") ?? $"0-{Environment.ProcessorCount - 1}",
            CpusetMems = ReadCpuset(cpusetRoot, "mems") ?? "0",
            PingGroupRangeSysctl = File.Exists("/proc/sys/net/ipv4/ping_group_range"),
            UnprivilegedPortStartSysctl = File.Exists("/proc/sys/net/ipv4/ip_unprivileged_port_start"),
            OpenFilesHardLimit = ReadOpenFilesHardLimit() ?? DockerDefaultOpenFiles,
        };
    }

    /// <summary>The hard "Max open files" of /proc/self/limits; null for "unlimited" or when unreadable.</summary>
    public static ulong? ParseOpenFilesHardLimit(string limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var line in limits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 && ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hard) ? hard : null;
        }

        return null;
    }

    /// <summary>Go's GOARCH spelling of an architecture, which Docker's seccomp profile uses in <c>arches</c>.</summary>
    public static string GoArchitecture(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        System.Runtime.InteropServices.Architecture.LoongArch64 => "loong64",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    private static IReadOnlyList<string> ReadEffectiveCapabilities(int lastCapability)
    {
        var status = ReadText("/proc/self/status") ?? "";
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                && ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
            {
                return CapabilityNames.FromMask(mask, lastCapability);
            }
        }

        // Like containerd's cap.Current failing: assume everything the kernel knows.
        return CapabilityNames.Known.Take(lastCapability + 1).ToList();
    }

    private static string? V1Mountpoint(string subsystem) =>
        ReadText("/proc/self/mountinfo") is { } mountinfo && CgroupProbe.ParseV1Mountpoints(mountinfo).TryGetValue(subsystem, out var mountpoint)
            ? mountpoint
            : null;

    private static string? ReadCpuset(string? root, string kind)
    {
        if (root is null)
        {
            return null;
        }

        var text = ReadText(Path.Combine(root, $"cpuset.{kind}.effective")) ?? ReadText(Path.Combine(root, $"cpuset.{kind}"));
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static ulong? ReadOpenFilesHardLimit() =>
        ReadText("/proc/self/limits") is { } limits ? ParseOpenFilesHardLimit(limits) : null;

    private static int? ReadInt(string path) =>
        int.TryParse(ReadText(path)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
