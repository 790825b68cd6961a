using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// The flags of <c>docker create</c> and <c>docker run</c> (docker/cli's addFlags plus the run/create extras), with
/// docker 28's names, types, help texts and defaults, and the checks pflag runs while parsing them.
/// </summary>
public static class ContainerFlags
{
    public const string CgroupnsUsage = "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)";

    /// <summary><c>docker create</c>'s flags.</summary>
    public static IReadOnlyList<FlagDefinition> ForCreate() =>
    [
        .. Common(),
        Typed("pull", null, "string", "Pull image before creating (\"always\", \"|missing\", \"never\")", defaultValue: "missing"),
    ];

    /// <summary><c>docker run</c>'s flags: create's plus detaching and signal proxying.</summary>
    public static IReadOnlyList<FlagDefinition> ForRun() =>
    [
        .. Common(),
        FlagDefinition.Bool("detach", 'd', "Run container in background and print container ID"),
        Typed("detach-keys", null, "string", "Override the key sequence for detaching a container"),
        Typed("pull", null, "string", "Pull image before running (\"always\", \"missing\", \"never\")", defaultValue: "missing"),
        FlagDefinition.Bool("sig-proxy", null, "Proxy received signals to the process") with { DefaultValue = "true" },
    ];

    private static List<FlagDefinition> Common() =>
    [
        Repeated("add-host", null, "list", "Add a custom host-to-IP mapping (host:ip)", Check(v => ValueRules.ExtraHost(v))),
        Repeated("annotation", null, "map", "Add an annotation to the container (passed through to the OCI runtime)", defaultValue: "map[]"),
        Repeated("attach", 'a', "list", "Attach to STDIN, STDOUT or STDERR", Check(v => ValueRules.Attach(v))),
        Typed("blkio-weight", null, "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)", Unsigned(16)),
        Repeated("blkio-weight-device", null, "list", "Block IO weight (relative device weight)", Check(v => ValueRules.WeightDevice(v)), defaultValue: "[]"),
        Repeated("cap-add", null, "list", "Add Linux capabilities"),
        Repeated("cap-drop", null, "list", "Drop Linux capabilities"),
        Typed("cgroup-parent", null, "string", "Optional parent cgroup for the container"),
        Typed("cgroupns", null, "string", CgroupnsUsage),
        Typed("cidfile", null, "string", "Write the container ID to the file"),
        Typed("cpu-count", null, "int", "CPU count (Windows only)", Signed(64)),
        Typed("cpu-percent", null, "int", "CPU percent (Windows only)", Signed(64)),
        Typed("cpu-period", null, "int", "Limit CPU CFS (Completely Fair Scheduler) period", Signed(64)),
        Typed("cpu-quota", null, "int", "Limit CPU CFS (Completely Fair Scheduler) quota", Signed(64)),
        Typed("cpu-rt-period", null, "int", "Limit CPU real-time period in microseconds", Signed(64)),
        Typed("cpu-rt-runtime", null, "int", "Limit CPU real-time runtime in microseconds", Signed(64)),
        Typed("cpu-shares", 'c', "int", "CPU shares (relative weight)", Signed(64)),
        Typed("cpus", null, "decimal", "Number of CPUs", NanoCpus.Validate),
        Typed("cpuset-cpus", null, "string", "CPUs in which to allow execution (0-3, 0,1)"),
        Typed("cpuset-mems", null, "string", "MEMs in which to allow execution (0-3, 0,1)"),
        Repeated("device", null, "list", "Add a host device to the container"),
        Repeated("device-cgroup-rule", null, "list", "Add a rule to the cgroup allowed devices list", Check(ValueRules.DeviceCgroupRule)),
        Repeated("device-read-bps", null, "list", "Limit read rate (bytes per second) from a device", Check(v => ValueRules.ThrottleBps(v)), defaultValue: "[]"),
        Repeated("device-read-iops", null, "list", "Limit read rate (IO per second) from a device", Check(v => ValueRules.ThrottleIops(v)), defaultValue: "[]"),
        Repeated("device-write-bps", null, "list", "Limit write rate (bytes per second) to a device", Check(v => ValueRules.ThrottleBps(v)), defaultValue: "[]"),
        Repeated("device-write-iops", null, "list", "Limit write rate (IO per second) to a device", Check(v => ValueRules.ThrottleIops(v)), defaultValue: "[]"),
        FlagDefinition.Bool("disable-content-trust", null, "Skip image verification") with { DefaultValue = "true" },
        Repeated("dns", null, "list", "Set custom DNS servers", Check(v => ValueRules.IpAddress(v))),
        Repeated("dns-opt", null, "list", "Set DNS options", hidden: true),
        Repeated("dns-option", null, "list", "Set DNS options"),
        Repeated("dns-search", null, "list", "Set custom DNS search domains", Check(v => ValueRules.DnsSearch(v))),
        Typed("domainname", null, "string", "Container NIS domain name"),
        Typed("entrypoint", null, "string", "Overwrite the default ENTRYPOINT of the image"),
        Repeated("env", 'e', "list", "Set environment variables", Check(v => ValueRules.Env(v, _ => null))),
        Repeated("env-file", null, "list", "Read in a file of environment variables"),
        Repeated("expose", null, "list", "Expose a port or a range of ports"),
        Repeated("gpus", null, "gpu-request", "GPU devices to add to the container ('all' to pass all GPUs)", Check(v => GpuRequest.Parse(v))),
        Repeated("group-add", null, "list", "Add additional groups to join"),
        Typed("health-cmd", null, "string", "Command to run to check health"),
        Typed("health-interval", null, "duration", "Time between running the check (ms|s|m|h) (default 0s)", Duration),
        Typed("health-retries", null, "int", "Consecutive failures needed to report unhealthy", Signed(64)),
        Typed("health-start-interval", null, "duration", "Time between running the check during the start period (ms|s|m|h) (default 0s)", Duration),
        Typed("health-start-period", null, "duration", "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", Duration),
        Typed("health-timeout", null, "duration", "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", Duration),
        FlagDefinition.Bool("help", null, "Print usage"),
        Typed("hostname", 'h', "string", "Container host name"),
        FlagDefinition.Bool("init", null, "Run an init inside the container that forwards signals and reaps processes"),
        FlagDefinition.Bool("interactive", 'i', "Keep STDIN open even if not attached"),
        Typed("io-maxbandwidth", null, "bytes", "Maximum IO bandwidth limit for the system drive (Windows only)", ByteSize.ValidateRam),
        Typed("io-maxiops", null, "uint", "Maximum IOps limit for the system drive (Windows only)", Unsigned(64)),
        Typed("ip", null, "string", "IPv4 address (e.g., 172.30.100.104)"),
        Typed("ip6", null, "string", "IPv6 address (e.g., 2001:db8::33)"),
        Typed("ipc", null, "string", "IPC mode to use"),
        Typed("isolation", null, "string", "Container isolation technology"),
        Typed("kernel-memory", null, "bytes", "Kernel memory limit", ByteSize.ValidateRam),
        Repeated("label", 'l', "list", "Set meta data on a container", Check(ValueRules.Label)),
        Repeated("label-file", null, "list", "Read in a line delimited file of labels"),
        Repeated("link", null, "list", "Add link to another container", Check(ValueRules.Link)),
        Repeated("link-local-ip", null, "list", "Container IPv4/IPv6 link-local addresses"),
        Typed("log-driver", null, "string", "Logging driver for the container"),
        Repeated("log-opt", null, "list", "Log driver options"),
        Typed("mac-address", null, "string", "Container MAC address (e.g., 92:d0:c6:0a:29:33)"),
        Typed("memory", 'm', "bytes", "Memory limit", ByteSize.ValidateRam),
        Typed("memory-reservation", null, "bytes", "Memory soft limit", ByteSize.ValidateRam),
        Typed("memory-swap", null, "bytes", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", ByteSize.ValidateSwap),
        Typed("memory-swappiness", null, "int", "Tune container memory swappiness (0 to 100)", Signed(64), defaultValue: "-1"),
        Repeated("mount", null, "mount", "Attach a filesystem mount to the container", Check(v => MountOption.Parse(v, "/"))),
        Typed("name", null, "string", "Assign a name to the container"),
        Repeated("net", null, "network", "Connect a container to a network", NetworkOption.Validate, hidden: true),
        Repeated("net-alias", null, "list", "Add network-scoped alias for the container", hidden: true),
        Repeated("network", null, "network", "Connect a container to a network", NetworkOption.Validate),
        Repeated("network-alias", null, "list", "Add network-scoped alias for the container"),
        FlagDefinition.Bool("no-healthcheck", null, "Disable any container-specified HEALTHCHECK"),
        FlagDefinition.Bool("oom-kill-disable", null, "Disable OOM Killer"),
        Typed("oom-score-adj", null, "int", "Tune host's OOM preferences (-1000 to 1000)", Signed(64)),
        Typed("pid", null, "string", "PID namespace to use"),
        Typed("pids-limit", null, "int", "Tune container pids limit (set -1 for unlimited)", Signed(64)),
        Typed("platform", null, "string", "Set platform if server is multi-platform capable"),
        FlagDefinition.Bool("privileged", null, "Give extended privileges to this container"),
        Repeated("publish", 'p', "list", "Publish a container's port(s) to the host"),
        FlagDefinition.Bool("publish-all", 'P', "Publish all exposed ports to random ports"),
        FlagDefinition.Bool("quiet", 'q', "Suppress the pull output"),
        FlagDefinition.Bool("read-only", null, "Mount the container's root filesystem as read only"),
        Typed("restart", null, "string", "Restart policy to apply when a container exits", defaultValue: "no"),
        FlagDefinition.Bool("rm", null, "Automatically remove the container and its associated anonymous volumes when it exits"),
        Typed("runtime", null, "string", "Runtime to use for this container"),
        Repeated("security-opt", null, "list", "Security Options"),
        Typed("shm-size", null, "bytes", "Size of /dev/shm", ByteSize.ValidateRam),
        Typed("stop-signal", null, "string", "Signal to stop the container"),
        Typed("stop-timeout", null, "int", "Timeout (in seconds) to stop a container", Signed(64)),
        Repeated("storage-opt", null, "list", "Storage driver options for the container"),
        Repeated("sysctl", null, "map", "Sysctl options", Check(ValueRules.Sysctl), defaultValue: "map[]"),
        Repeated("tmpfs", null, "list", "Mount a tmpfs directory"),
        FlagDefinition.Bool("tty", 't', "Allocate a pseudo-TTY"),
        Repeated("ulimit", null, "ulimit", "Ulimit options", Check(v => ValueRules.Ulimit(v)), defaultValue: "[]"),
        FlagDefinition.Bool("use-api-socket", null, "Bind mount Docker API socket and required auth"),
        Typed("user", 'u', "string", "Username or UID (format: <name|uid>[:<group|gid>])"),
        Typed("userns", null, "string", "User namespace to use"),
        Typed("uts", null, "string", "UTS namespace to use"),
        Repeated("volume", 'v', "list", "Bind mount a volume"),
        Typed("volume-driver", null, "string", "Optional volume driver for the container"),
        Repeated("volumes-from", null, "list", "Mount volumes from the specified container(s)"),
        Typed("workdir", 'w', "string", "Working directory inside the container"),
    ];

    /// <summary>A single-valued flag whose help shows <paramref name="type"/> ("int", "bytes", "duration"…).</summary>
    public static FlagDefinition Typed(string name, char? shorthand, string type, string usage, Func<string, string?>? validate = null, string? defaultValue = null) =>
        new(name, shorthand, FlagKind.String, usage) { TypeName = type, Validate = validate, DefaultValue = defaultValue };

    /// <summary>A repeatable flag (pflag's Var of a list, map or custom type).</summary>
    public static FlagDefinition Repeated(string name, char? shorthand, string type, string usage, Func<string, string?>? validate = null, string? defaultValue = null, bool hidden = false) =>
        new(name, shorthand, FlagKind.List, usage) { TypeName = type, Validate = validate, DefaultValue = defaultValue, Hidden = hidden };

    /// <summary>Int64Var/IntVar: Go's ParseInt with base prefixes.</summary>
    public static Func<string, string?> Signed(int bits) => ValueRules.Validator(v => GoParse.ParseInt(v, bits));

    /// <summary>Uint16Var/Uint64Var.</summary>
    public static Func<string, string?> Unsigned(int bits) => ValueRules.Validator(v => GoParse.ParseUint(v, bits));

    /// <summary>DurationVar: Go's time.ParseDuration.</summary>
    public static string? Duration(string value) => ValueRules.Validator(v => GoParse.ParseDuration(v))(value);

    private static Func<string, string?> Check(Action<string> check) => ValueRules.Validator(check);
}
