using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// docker/cli's parse() for <c>create</c>/<c>run</c>: turns the parsed flags and <c>IMAGE [COMMAND] [ARG...]</c> into
/// the Config, HostConfig and NetworkingConfig docker sends, field for field (nulls, empty lists and maps where docker
/// has them, so the daemon sees the same request). Failures throw <see cref="FormatException"/> with docker's message.
/// </summary>
public sealed partial class ContainerSpecParser
{
    private readonly Func<string, string?> _lookupEnvironment;
    private readonly string _workingDirectory;

    /// <param name="lookupEnvironment">The CLI's environment, for <c>-e NAME</c> and env-file lines without a value.</param>
    /// <param name="workingDirectory">Where relative paths (<c>-v ./data:/d</c>, seccomp profiles, env files) start.</param>
    public ContainerSpecParser(Func<string, string?> lookupEnvironment, string workingDirectory)
    {
        _lookupEnvironment = lookupEnvironment;
        _workingDirectory = workingDirectory;
    }

    /// <summary>The terminal size sent as HostConfig.ConsoleSize (docker sends 0,0 without a terminal).</summary>
    public (int Height, int Width) ConsoleSize { get; init; }

    public ContainerSpec Parse(ParsedFlags flags, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(arguments);
        var attach = flags.GetList("attach").Select(ValueRules.Attach).ToList();
        var attachStdin = attach.Contains("stdin");
        var attachStdout = attach.Contains("stdout");
        var attachStderr = attach.Contains("stderr");

        var macAddress = flags.GetString("mac-address", "");
        if (macAddress.Length > 0 && !MacAddressPattern().IsMatch(macAddress.Trim()))
        {
            throw new FormatException(macAddress + " is not a valid mac address");
        }

        var stdin = flags.GetBool("interactive");
        attachStdin |= stdin;
        if (attach.Count == 0)
        {
            attachStdout = true;
            attachStderr = true;
        }

        var swappiness = Int64(flags, "memory-swappiness", -1);
        if (swappiness != -1 && swappiness is < 0 or > 100)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"invalid value: {swappiness}. Valid memory swappiness range is 0-100"));
        }

        var (binds, volumes) = ParseVolumes(flags.GetList("volume"));
        var tmpfs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in flags.GetList("tmpfs"))
        {
            var colon = mount.IndexOf(':', StringComparison.Ordinal);
            tmpfs[colon >= 0 ? mount[..colon] : mount] = colon >= 0 ? mount[(colon + 1)..] : "";
        }

        var command = arguments.Count > 1 ? arguments.Skip(1).ToList() : null;
        List<string>? entrypoint = null;
        if (flags.GetString("entrypoint") is { Length: > 0 } entry)
        {
            entrypoint = [entry];
        }
        else if (flags.Changed("entrypoint"))
        {
            // `--entrypoint=` resets the image's entrypoint.
            entrypoint = [""];
        }

        var exposed = new SortedDictionary<string, EmptyObject>(StringComparer.Ordinal);
        var portBindings = new SortedDictionary<string, IReadOnlyList<PortBinding>?>(StringComparer.Ordinal);
        PortSpecs.Parse(flags.GetList("publish"), exposed, portBindings);
        PortSpecs.Expose(flags.GetList("expose"), exposed);

        var devices = flags.GetList("device").Select(DeviceSpec.Parse).ToList();
        var environment = KeyValueFiles.Read(flags.GetList("env-file"), flags.GetList("env").Select(value => ValueRules.Env(value, _lookupEnvironment)), _lookupEnvironment, _workingDirectory);
        var labels = KeyValueFiles.Read(flags.GetList("label-file"), flags.GetList("label"), lookup: null, _workingDirectory);

        var pidMode = flags.GetString("pid", "");
        if (!(pidMode is "" or "host" || IsContainerMode(pidMode)))
        {
            throw new FormatException("--pid: invalid PID mode");
        }

        var utsMode = flags.GetString("uts", "");
        if (utsMode is not ("" or "host"))
        {
            throw new FormatException("--uts: invalid UTS mode");
        }

        var usernsMode = flags.GetString("userns", "");
        if (usernsMode is not ("" or "host"))
        {
            throw new FormatException("--userns: invalid USER mode");
        }

        var cgroupnsMode = flags.GetString("cgroupns", "");
        if (cgroupnsMode is not ("" or "host" or "private"))
        {
            throw new FormatException("--cgroupns: invalid CGROUP mode");
        }

        var restartPolicy = RestartPolicies.Parse(flags.GetString("restart", "no"));
        var logDriver = flags.GetString("log-driver", "");
        var logOptions = flags.GetList("log-opt");
        if (logDriver == "none" && logOptions.Count > 0)
        {
            throw new FormatException("invalid logging opts for driver " + logDriver);
        }

        var (securityOptions, maskedPaths, readonlyPaths) = SecurityOptions.Parse(flags.GetList("security-opt"), _workingDirectory);
        var storageOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in flags.GetList("storage-opt"))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new FormatException("invalid storage option");
            }

            storageOptions[option[..equals]] = option[(equals + 1)..];
        }

        var healthcheck = ParseHealthcheck(flags);
        var (capAdd, capDrop) = Capabilities.Effective(flags.GetList("cap-add"), flags.GetList("cap-drop"));
        var autoRemove = flags.GetBool("rm");
        var resources = new HostConfig
        {
            CgroupParent = flags.GetString("cgroup-parent", ""),
            Memory = Ram(flags, "memory"),
            MemoryReservation = Ram(flags, "memory-reservation"),
            MemorySwap = flags.GetString("memory-swap") is { } swap ? ByteSize.ParseSwap(swap) : 0,
            MemorySwappiness = swappiness,
            OomKillDisable = flags.GetBool("oom-kill-disable"),
            NanoCpus = flags.GetString("cpus") is { } cpus ? NanoCpus.Parse(cpus) : 0,
            CpuCount = Int64(flags, "cpu-count", 0),
            CpuPercent = Int64(flags, "cpu-percent", 0),
            CpuShares = Int64(flags, "cpu-shares", 0),
            CpuPeriod = Int64(flags, "cpu-period", 0),
            CpusetCpus = flags.GetString("cpuset-cpus", ""),
            CpusetMems = flags.GetString("cpuset-mems", ""),
            CpuQuota = Int64(flags, "cpu-quota", 0),
            CpuRealtimePeriod = Int64(flags, "cpu-rt-period", 0),
            CpuRealtimeRuntime = Int64(flags, "cpu-rt-runtime", 0),
            PidsLimit = Int64(flags, "pids-limit", 0),
            BlkioWeight = flags.GetString("blkio-weight") is { } weight ? (int)GoParse.ParseUint(weight, 16) : 0,
            BlkioWeightDevice = flags.GetList("blkio-weight-device").Select(ValueRules.WeightDevice).ToList(),
            BlkioDeviceReadBps = flags.GetList("device-read-bps").Select(ValueRules.ThrottleBps).ToList(),
            BlkioDeviceWriteBps = flags.GetList("device-write-bps").Select(ValueRules.ThrottleBps).ToList(),
            BlkioDeviceReadIOps = flags.GetList("device-read-iops").Select(ValueRules.ThrottleIops).ToList(),
            BlkioDeviceWriteIOps = flags.GetList("device-write-iops").Select(ValueRules.ThrottleIops).ToList(),
            IOMaximumIOps = flags.GetString("io-maxiops") is { } iops ? (long)GoParse.ParseUint(iops) : 0,
            IOMaximumBandwidth = Ram(flags, "io-maxbandwidth"),
            Ulimits = Ulimits(flags.GetList("ulimit")),
            DeviceCgroupRules = NullIfEmpty(flags.GetList("device-cgroup-rule")),
            Devices = devices,
            DeviceRequests = NullIfEmpty(flags.GetList("gpus").Select(GpuRequest.Parse).ToList()),
        };

        var networks = flags.GetList("network").Concat(flags.GetList("net")).Select(NetworkOption.Parse).ToList();
        var hostConfig = resources with
        {
            Binds = NullIfEmpty(binds),
            ContainerIDFile = flags.GetString("cidfile", ""),
            OomScoreAdj = (int)Int64(flags, "oom-score-adj", 0),
            AutoRemove = autoRemove,
            Privileged = flags.GetBool("privileged"),
            PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>?>(portBindings, StringComparer.Ordinal),
            Links = NullIfEmpty(flags.GetList("link")),
            PublishAllPorts = flags.GetBool("publish-all"),
            Dns = flags.GetList("dns").Select(ValueRules.IpAddress).ToList(),
            DnsSearch = flags.GetList("dns-search").Select(ValueRules.DnsSearch).ToList(),
            DnsOptions = [.. flags.GetList("dns-option"), .. flags.GetList("dns-opt")],
            ExtraHosts = NullIfEmpty(flags.GetList("add-host").Select(ValueRules.ExtraHost).ToList()),
            VolumesFrom = NullIfEmpty(flags.GetList("volumes-from")),
            IpcMode = flags.GetString("ipc", ""),
            NetworkMode = networks.Count > 0 ? networks[0].Target : "default",
            PidMode = pidMode,
            UTSMode = utsMode,
            UsernsMode = usernsMode,
            CgroupnsMode = cgroupnsMode,
            CapAdd = capAdd,
            CapDrop = capDrop,
            GroupAdd = NullIfEmpty(flags.GetList("group-add")),
            RestartPolicy = restartPolicy,
            SecurityOpt = securityOptions,
            StorageOpt = storageOptions.Count > 0 ? storageOptions : null,
            ReadonlyRootfs = flags.GetBool("read-only"),
            LogConfig = new LogConfig { Type = logDriver, Config = KeyValueMap(logOptions) },
            VolumeDriver = flags.GetString("volume-driver", ""),
            Isolation = flags.GetString("isolation", ""),
            ShmSize = Ram(flags, "shm-size"),
            Tmpfs = tmpfs.Count > 0 ? tmpfs : null,
            Sysctls = NullIfEmpty(KeyValueMap(flags.GetList("sysctl"))),
            Runtime = flags.GetString("runtime", ""),
            Mounts = NullIfEmpty(flags.GetList("mount").Select(m => MountOption.Parse(m, _workingDirectory)).ToList()),
            MaskedPaths = maskedPaths,
            ReadonlyPaths = readonlyPaths,
            Annotations = NullIfEmpty(KeyValueMap(flags.GetList("annotation"))),
            ConsoleSize = [ConsoleSize.Height, ConsoleSize.Width],
            Init = flags.Changed("init") ? flags.GetBool("init") : null,
        };

        if (autoRemove && restartPolicy.Name is not ("" or "no"))
        {
            throw new FormatException("conflicting options: cannot specify both --restart and --rm");
        }

        var request = new ContainerCreateRequest
        {
            Hostname = flags.GetString("hostname", ""),
            Domainname = flags.GetString("domainname", ""),
            ExposedPorts = exposed.Count > 0 ? new Dictionary<string, EmptyObject>(exposed, StringComparer.Ordinal) : null,
            User = flags.GetString("user", ""),
            Tty = flags.GetBool("tty"),
            OpenStdin = stdin,
            AttachStdin = attachStdin,
            AttachStdout = attachStdout,
            AttachStderr = attachStderr,
            StdinOnce = stdin && attachStdin,
            Env = NullIfEmpty(environment),
            Cmd = command,
            Image = arguments.Count > 0 ? arguments[0] : "",
            Volumes = volumes,
            Entrypoint = entrypoint,
            WorkingDir = flags.GetString("workdir", ""),
            Labels = KeyValueMap(labels),
            StopSignal = NullIfEmpty(flags.GetString("stop-signal")),
            StopTimeout = flags.Changed("stop-timeout") ? (int)Int64(flags, "stop-timeout", 0) : null,
            Healthcheck = healthcheck,
            HostConfig = hostConfig,
            NetworkingConfig = new NetworkingConfig { EndpointsConfig = NetworkEndpoints.Build(networks, flags, macAddress) },
        };

        return new ContainerSpec
        {
            Request = request,
            Name = NullIfEmpty(flags.GetString("name")),
            Platform = NullIfEmpty(flags.GetString("platform")),
            Pull = flags.GetString("pull", "missing"),
            Quiet = flags.GetBool("quiet"),
            AttachFlagCount = attach.Count,
        };
    }

    /// <summary>docker's validatePullOpt.</summary>
    public static void ValidatePull(string pull)
    {
        if (pull is not ("always" or "missing" or "never" or ""))
        {
            throw new FormatException($"invalid pull option: '{pull}': must be one of \"always\", \"missing\" or \"never\"");
        }
    }

    private (List<string> Binds, Dictionary<string, EmptyObject> Volumes) ParseVolumes(IReadOnlyList<string> specs)
    {
        var binds = new List<string>();
        var volumes = new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
        foreach (var spec in specs.Distinct(StringComparer.Ordinal))
        {
            var source = VolumeSpec.Source(spec);
            if (source.Length == 0)
            {
                volumes[spec] = new EmptyObject();
                continue;
            }

            var bind = spec;
            var colon = spec.IndexOf(':', StringComparison.Ordinal);
            if (VolumeSpec.IsBind(source) && colon >= 0 && spec.StartsWith('.'))
            {
                // Relative host paths are made absolute here, as the daemon knows nothing of the CLI's directory.
                bind = Path.GetFullPath(spec[..colon], _workingDirectory) + spec[colon..];
            }

            binds.Add(bind);
        }

        return (binds, volumes);
    }

    private static HealthConfig? ParseHealthcheck(ParsedFlags flags)
    {
        var command = flags.GetString("health-cmd", "");
        var interval = Duration(flags, "health-interval");
        var timeout = Duration(flags, "health-timeout");
        var startPeriod = Duration(flags, "health-start-period");
        var startInterval = Duration(flags, "health-start-interval");
        var retries = Int64(flags, "health-retries", 0);
        var haveSettings = command.Length > 0 || interval != TimeSpan.Zero || timeout != TimeSpan.Zero || startPeriod != TimeSpan.Zero || retries != 0 || startInterval != TimeSpan.Zero;
        if (flags.GetBool("no-healthcheck"))
        {
            if (haveSettings)
            {
                throw new FormatException("--no-healthcheck conflicts with --health-* options");
            }

            return new HealthConfig { Test = ["NONE"] };
        }

        if (!haveSettings)
        {
            return null;
        }

        if (interval < TimeSpan.Zero)
        {
            throw new FormatException("--health-interval cannot be negative");
        }

        if (timeout < TimeSpan.Zero)
        {
            throw new FormatException("--health-timeout cannot be negative");
        }

        if (retries < 0)
        {
            throw new FormatException("--health-retries cannot be negative");
        }

        if (startPeriod < TimeSpan.Zero)
        {
            throw new FormatException("--health-start-period cannot be negative");
        }

        if (startInterval < TimeSpan.Zero)
        {
            throw new FormatException("--health-start-interval cannot be negative");
        }

        return new HealthConfig
        {
            Test = command.Length > 0 ? ["CMD-SHELL", command] : null,
            Interval = Nanoseconds(interval),
            Timeout = Nanoseconds(timeout),
            StartPeriod = Nanoseconds(startPeriod),
            StartInterval = Nanoseconds(startInterval),
            Retries = (int)retries,
        };
    }

    /// <summary>UlimitOpt keeps one value per name (the last); sent sorted by name.</summary>
    private static List<Ulimit> Ulimits(IReadOnlyList<string> values)
    {
        var byName = new SortedDictionary<string, Ulimit>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var ulimit = ValueRules.Ulimit(value);
            byName[ulimit.Name] = ulimit;
        }

        return [.. byName.Values];
    }

    /// <summary>opts.ConvertKVStringsToMap: "k=v" splits at the first "=", a bare "k" maps to "".</summary>
    private static Dictionary<string, string> KeyValueMap(IEnumerable<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            map[equals >= 0 ? value[..equals] : value] = equals >= 0 ? value[(equals + 1)..] : "";
        }

        return map;
    }

    private static bool IsContainerMode(string mode) =>
        mode.StartsWith("container:", StringComparison.Ordinal) && mode.Length > "container:".Length;

    private static long Int64(ParsedFlags flags, string name, long fallback) =>
        flags.GetString(name) is { } text ? GoParse.ParseInt(text) : fallback;

    private static long Ram(ParsedFlags flags, string name) =>
        flags.GetString(name) is { } text ? ByteSize.ParseRam(text) : 0;

    private static TimeSpan Duration(ParsedFlags flags, string name) =>
        flags.GetString(name) is { } text ? GoParse.ParseDuration(text) : TimeSpan.Zero;

    private static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;

    private static List<T>? NullIfEmpty<T>(List<T> values) => values.Count > 0 ? values : null;

    private static List<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count > 0 ? [.. values] : null;

    private static Dictionary<string, string>? NullIfEmpty(Dictionary<string, string> values) => values.Count > 0 ? values : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>net.ParseMAC's forms: six, eight or twenty octets with ':' or '-', or dotted groups of four hex digits.</summary>
    [GeneratedRegex(@"^(([0-9A-Fa-f]{2}([:-]))(([0-9A-Fa-f]{2}\3){4}|([0-9A-Fa-f]{2}\3){6}|([0-9A-Fa-f]{2}\3){18})[0-9A-Fa-f]{2}|([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}|([0-9A-Fa-f]{4}\.){3}[0-9A-Fa-f]{4}|([0-9A-Fa-f]{4}\.){9}[0-9A-Fa-f]{4})$")]
    private static partial Regex MacAddressPattern();
}
