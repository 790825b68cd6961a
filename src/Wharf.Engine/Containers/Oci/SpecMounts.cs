using System.Globalization;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// <c>mounts</c> as dockerd's WithMounts lays them out: Docker's defaults (minus those a user mount replaces, and
/// /dev/shm sized or left out), the init binary, then the user's mounts (volumes, binds, --tmpfs, the shared
/// /dev/shm, /etc/resolv.conf, /etc/hostname, /etc/hosts) parents before children.
/// </summary>
public static class SpecMounts
{
    // Kernel file systems dockerd leaves writable even in a read-only root file system.
    private static readonly HashSet<string> WritableWithReadonlyRoot = new(StringComparer.Ordinal)
    {
        "/proc", "/dev/pts", "/dev/shm", "/dev/mqueue", "/dev",
    };

    /// <param name="initPath">The host's init binary when --init applies, else null.</param>
    /// <param name="writableCgroups">Whether /sys/fs/cgroup is mounted read-write (privileged or <c>writable-cgroups</c>).</param>
    public static IReadOnlyList<OciMount> Build(ContainerSpecContext context, string? initPath, bool writableCgroups)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.HostConfig;
        var userMounts = UserMounts(context);
        var userDestinations = new HashSet<string>(userMounts.Select(mount => mount.Destination), StringComparer.Ordinal);
        var userMountsDev = userDestinations.Contains("/dev");

        var defaults = new List<OciMount>();
        foreach (var mount in DockerDefaults.Mounts)
        {
            if (userDestinations.Contains(mount.Destination)
                || (userMountsDev && mount.Destination.StartsWith("/dev/", StringComparison.Ordinal)))
            {
                continue;
            }

            if (mount.Destination == "/dev/shm")
            {
                if (host.IpcMode == "none")
                {
                    continue;
                }

                var size = host.ShmSize > 0 ? host.ShmSize : DockerDefaults.ShmSize;
                defaults.Add(mount with { Options = [.. mount.Options, "size=" + size.ToString(CultureInfo.InvariantCulture)] });
                continue;
            }

            defaults.Add(mount);
        }

        if (initPath is not null && !userDestinations.Contains(DockerDefaults.InitPathInContainer))
        {
            defaults.Add(new OciMount(DockerDefaults.InitPathInContainer, "bind", initPath, ["bind", "ro"]));
        }

        if (host.ReadonlyRootfs)
        {
            defaults = defaults
                .Select(mount => WritableWithReadonlyRoot.Contains(mount.Destination) || mount.Options.Contains("ro")
                    ? mount
                    : mount with { Options = [.. mount.Options, "ro"] })
                .ToList();
        }

        defaults = defaults
            .Select(mount => (mount.Destination == "/sys" && host.Privileged) || (mount.Type == "cgroup" && writableCgroups)
                ? mount with { Options = mount.Options.Where(option => option != "ro").ToList() }
                : mount)
            .ToList();

        return [.. defaults, .. userMounts];
    }

    /// <summary>Every mount the user (or the engine for them) asked for, sorted parents first; the sort is stable so equal depths keep their order.</summary>
    private static List<OciMount> UserMounts(ContainerSpecContext context)
    {
        var host = context.HostConfig;
        var mounts = new List<OciMount>(context.ExtraMounts);
        var destinations = new HashSet<string>(mounts.Select(mount => mount.Destination), StringComparer.Ordinal);
        if (context.ShmPath is { Length: > 0 } shmPath && host.IpcMode != "none" && destinations.Add("/dev/shm"))
        {
            mounts.Add(new OciMount("/dev/shm", "bind", shmPath, ["rbind", "rprivate"]));
        }

        foreach (var (destination, options) in host.Tmpfs ?? [])
        {
            if (destinations.Add(destination))
            {
                mounts.Add(TmpfsMounts.Build(destination, options));
            }
        }

        // A user mount of one of these files replaces the engine's copy; dockerd does the same (TrySetNetworkMount).
        AddNetworkFile(mounts, destinations, "/etc/resolv.conf", context.ResolvConfPath, host.ReadonlyRootfs);
        AddNetworkFile(mounts, destinations, "/etc/hostname", context.HostnamePath, host.ReadonlyRootfs);
        AddNetworkFile(mounts, destinations, "/etc/hosts", context.HostsPath, host.ReadonlyRootfs);
        return mounts.OrderBy(mount => Depth(mount.Destination)).ToList();
    }

    private static void AddNetworkFile(List<OciMount> mounts, HashSet<string> destinations, string destination, string source, bool readonlyRootfs)
    {
        // dockerd skips a file it cannot stat rather than failing the start.
        if (string.IsNullOrEmpty(source) || !File.Exists(source) || !destinations.Add(destination))
        {
            return;
        }

        mounts.Add(new OciMount(destination, "bind", source, readonlyRootfs ? ["rbind", "ro", "rprivate"] : ["rbind", "rprivate"]));
    }

    private static int Depth(string destination) =>
        Path.TrimEndingDirectorySeparator(destination.Replace("//", "/", StringComparison.Ordinal)).Count(character => character == '/');
}
