namespace Wharf.Engine.Containers.Oci;

/// <summary>The values of moby's oci/defaults.go (DefaultLinuxSpec, DefaultCapabilities) that every container starts from.</summary>
public static class DockerDefaults
{
    public const string OciVersion = "1.0.2";

    public const string PathEnv = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Where <c>--init</c> puts the init binary inside the container.</summary>
    public const string InitPathInContainer = "/sbin/docker-init";

    /// <summary>64 MiB, dockerd's default <c>--shm-size</c>.</summary>
    public const long ShmSize = 64L * 1024 * 1024;

    /// <summary>What containerd (and so Docker) gives a container as RLIMIT_NOFILE unless told otherwise.</summary>
    public const ulong OpenFiles = 1048576;

    public static readonly IReadOnlyList<string> Capabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
        "CAP_AUDIT_WRITE",
    ];

    public static readonly IReadOnlyList<string> MaskedPaths =
    [
        "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
        "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
        "/sys/devices/virtual/powercap",
    ];

    public static readonly IReadOnlyList<string> ReadonlyPaths =
    [
        "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
    ];

    /// <summary>The mounts every container gets, in Docker's order; /dev/shm gets its size (or is replaced) later.</summary>
    public static readonly IReadOnlyList<OciMount> Mounts =
    [
        new("/proc", "proc", "proc", ["nosuid", "noexec", "nodev"]),
        new("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
        new("/dev/pts", "devpts", "devpts", ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
        new("/sys", "sysfs", "sysfs", ["nosuid", "noexec", "nodev", "ro"]),
        new("/sys/fs/cgroup", "cgroup", "cgroup", ["ro", "nosuid", "noexec", "nodev"]),
        new("/dev/mqueue", "mqueue", "mqueue", ["nosuid", "noexec", "nodev"]),
        new("/dev/shm", "tmpfs", "shm", ["nosuid", "noexec", "nodev", "mode=1777"]),
    ];

    /// <summary>
    /// The device cgroup: deny everything, then allow the standard character devices (null, zero, urandom, random,
    /// tty, console) and keep /dev/fuse denied. runc appends its own allow list after these (mknod of any device,
    /// /dev/pts, /dev/ptmx, /dev/net/tun), as it does for Docker.
    /// </summary>
    public static readonly IReadOnlyList<OciDeviceRule> DeviceRules =
    [
        new() { Allow = false, Access = "rwm" },
        Allow(1, 5),
        Allow(1, 3),
        Allow(1, 9),
        Allow(1, 8),
        Allow(5, 0),
        Allow(5, 1),
        new() { Allow = false, Type = "c", Major = 10, Minor = 229, Access = "rwm" },
    ];

    private static OciDeviceRule Allow(long major, long minor) =>
        new() { Allow = true, Type = "c", Major = major, Minor = minor, Access = "rwm" };
}
