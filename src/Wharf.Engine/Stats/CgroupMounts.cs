namespace Wharf.Engine.Stats;

/// <summary>
/// Where the cgroup hierarchies are mounted, from <c>/proc/self/mountinfo</c>: the v1 mount of each controller, or the
/// unified (v2) mount when <c>/sys/fs/cgroup</c> itself is cgroup2. A hybrid host's <c>/sys/fs/cgroup/unified</c> does not
/// make it v2: runc puts containers in the v1 hierarchies there.
/// </summary>
public sealed class CgroupMounts
{
    public const string DefaultRoot = "/sys/fs/cgroup";

    private readonly Dictionary<string, CgroupMount> _controllers;

    private CgroupMounts(Dictionary<string, CgroupMount> controllers, CgroupMount? unified)
    {
        _controllers = controllers;
        Unified = unified;
    }

    /// <summary>The cgroup2 mount at the cgroup root; null on a v1 (or hybrid) host.</summary>
    public CgroupMount? Unified { get; }

    public bool IsUnified => Unified is not null;

    public static CgroupMounts Detect() => Parse(File.ReadAllText("/proc/self/mountinfo"));

    /// <param name="root">The mount point that decides v1 or v2 (tests point it into a temp dir).</param>
    public static CgroupMounts Parse(string mountinfo, string root = DefaultRoot)
    {
        ArgumentNullException.ThrowIfNull(mountinfo);
        var controllers = new Dictionary<string, CgroupMount>(StringComparer.Ordinal);
        CgroupMount? unified = null;
        foreach (var line in mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<id> <parent> <dev> <root> <mountpoint> <opts> [optional…] - <fstype> <source> <superopts>"
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var fields = line[..separator].Split(' ');
            var tail = line[(separator + 3)..].Split(' ');
            if (fields.Length < 5 || tail.Length < 3)
            {
                continue;
            }

            var mount = new CgroupMount(Unescape(fields[4]), Unescape(fields[3]));
            if (tail[0] == "cgroup2")
            {
                if (mount.MountPoint == root)
                {
                    unified = mount;
                }
            }
            else if (tail[0] == "cgroup")
            {
                foreach (var option in tail[2].Split(','))
                {
                    controllers.TryAdd(option, mount);
                }
            }
        }

        return new CgroupMounts(controllers, unified);
    }

    /// <summary>The directory of <paramref name="cgroupsPath"/> (OCI linux.cgroupsPath) in the v1 hierarchy of <paramref name="controller"/>; null when that controller is not mounted.</summary>
    public string? V1Directory(string controller, string cgroupsPath) =>
        _controllers.TryGetValue(controller, out var mount) ? mount.DirectoryOf(CgroupPath.Normalize(cgroupsPath)) : null;

    /// <summary>The directory of <paramref name="cgroupsPath"/> in the unified hierarchy; null on v1.</summary>
    public string? UnifiedDirectory(string cgroupsPath) => Unified?.DirectoryOf(CgroupPath.Normalize(cgroupsPath));

    /// <summary>mountinfo escapes space, tab, newline and backslash as octal.</summary>
    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        return value.Replace("\\040", " ", StringComparison.Ordinal)
            .Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal)
            .Replace("\\134", "\\", StringComparison.Ordinal);
    }
}
