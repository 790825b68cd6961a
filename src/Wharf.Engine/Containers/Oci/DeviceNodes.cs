using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Engine.Errors;
using Wharf.Linux;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Host device nodes for <c>--device</c>, <c>--privileged</c> and <c>--device-cgroup-rule</c> (moby oci/devices_linux.go, containerd's HostDevices).</summary>
public static partial class DeviceNodes
{
    private const string NotADevice = "not a device node";

    // Subdirectories of /dev that hold no devices of their own or must not be passed through.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        "pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev",
    };

    /// <summary>The device (or every device under a directory) at <paramref name="pathOnHost"/>, with a cgroup rule allowing each.</summary>
    public static (IReadOnlyList<OciDevice> Devices, IReadOnlyList<OciDeviceRule> Rules) FromPath(string pathOnHost, string pathInContainer, string permissions)
    {
        ArgumentNullException.ThrowIfNull(pathOnHost);
        ArgumentNullException.ThrowIfNull(pathInContainer);
        var resolved = pathOnHost;
        if (FileStatusReader.TryGet(pathOnHost) is { IsSymlink: true })
        {
            resolved = new FileInfo(pathOnHost).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pathOnHost;
        }

        var devices = new List<OciDevice>();
        var rules = new List<OciDeviceRule>();
        var status = FileStatusReader.TryGet(resolved);
        if (status is not null && Describe(status, pathInContainer) is { } device)
        {
            devices.Add(device);
            rules.Add(AllowRule(device, permissions));
            return (devices, rules);
        }

        if (status is { IsDirectory: true })
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(resolved, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (FileStatusReader.TryGet(child) is { } childStatus
                    && Describe(childStatus, string.Concat(pathInContainer, child.AsSpan(resolved.Length))) is { } childDevice)
                {
                    devices.Add(childDevice);
                    rules.Add(AllowRule(childDevice, permissions));
                }
            }

            if (devices.Count > 0)
            {
                return (devices, rules);
            }
        }

        var reason = status is null ? "no such file or directory" : NotADevice;
        throw EngineException.InvalidParameter(
            $"error gathering device information while adding custom device {GoQuote.Quote(pathOnHost)}: {reason}");
    }

    /// <summary>Every character and block device under <paramref name="root"/> (for <c>--privileged</c>), skipping pts, shm, mqueue, console and links.</summary>
    public static IReadOnlyList<OciDevice> HostDevices(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var devices = new List<OciDevice>();
        Collect(root, root.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/", devices);
        return devices;
    }

    /// <summary>Parses <c>--device-cgroup-rule</c> values such as <c>c 1:3 mr</c> or <c>a *:* rwm</c>.</summary>
    public static IReadOnlyList<OciDeviceRule> ParseCgroupRules(IReadOnlyList<string>? rules)
    {
        var parsed = new List<OciDeviceRule>();
        foreach (var rule in rules ?? [])
        {
            var match = CgroupRule().Match(rule);
            if (!match.Success)
            {
                throw EngineException.InvalidParameter($"invalid device cgroup rule format: '{rule}'");
            }

            parsed.Add(new OciDeviceRule
            {
                Allow = true,
                Type = match.Groups[1].Value,
                Major = ParseNumber(match.Groups[2].Value, rule, "major"),
                Minor = ParseNumber(match.Groups[3].Value, rule, "minor"),
                Access = match.Groups[4].Value,
            });
        }

        return parsed;
    }

    /// <summary>The host device number of the block device at <paramref name="path"/> (for blkio limits), following links like stat(2).</summary>
    public static (long Major, long Minor) DeviceNumber(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var target = FileStatusReader.TryGet(path) is { IsSymlink: true }
            ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path
            : path;
        var status = FileStatusReader.TryGet(target)
            ?? throw EngineException.InvalidParameter($"stat {path}: no such file or directory");
        return (status.RawDeviceMajor, status.RawDeviceMinor);
    }

    private static void Collect(string directory, string root, List<OciDevice> devices)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            var status = FileStatusReader.TryGet(entry);
            if (status is null)
            {
                continue;
            }

            if (status.IsDirectory)
            {
                if (!SkippedDirectories.Contains(name))
                {
                    Collect(entry, root, devices);
                }

                continue;
            }

            if (name == "console")
            {
                continue;
            }

            // Containers see the devices at the same paths as the host, under /dev.
            var inContainer = "/dev" + entry[root.Length..];
            if (Describe(status, inContainer) is { Type: "c" or "b" } device)
            {
                devices.Add(device);
            }
        }
    }

    private static OciDevice? Describe(FileStatus status, string pathInContainer)
    {
        var type = status.FileType switch
        {
            FileNodes.TypeCharacterDevice => "c",
            FileNodes.TypeBlockDevice => "b",
            FileNodes.TypeFifo => "p",
            _ => null,
        };
        return type is null
            ? null
            : new OciDevice
            {
                Path = pathInContainer,
                Type = type,
                Major = status.RawDeviceMajor,
                Minor = status.RawDeviceMinor,
                FileMode = (uint)(status.Mode & 0xFFF),
                Uid = (uint)status.UserId,
                Gid = (uint)status.GroupId,
            };
    }

    private static OciDeviceRule AllowRule(OciDevice device, string permissions) =>
        new() { Allow = true, Type = device.Type, Major = device.Major, Minor = device.Minor, Access = permissions };

    private static long ParseNumber(string text, string rule, string which)
    {
        if (text == "*")
        {
            return -1;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw EngineException.InvalidParameter($"invalid {which} value in device cgroup rule format: '{rule}'");
    }

    [GeneratedRegex(@"^([acb]) ([0-9]+|\*):([0-9]+|\*) ([rwm]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex CgroupRule();
}
