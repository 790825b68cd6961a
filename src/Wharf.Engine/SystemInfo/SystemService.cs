using System.Net;
using System.Runtime.InteropServices;
using Wharf.Api;
using Wharf.Engine.Events;
using Wharf.Engine.State;

namespace Wharf.Engine.SystemInfo;

/// <summary><c>GET /info</c>, <c>/version</c> and <c>/system/df</c>, with the figures dockerd reports.</summary>
public sealed class SystemService : ISystemService
{
    private const string NotAvailable = "N/A";
    private const string OfficialIndexName = "docker.io";

    // Replaced whole on reload (SIGHUP); readers take one snapshot per call.
    private EngineOptions _options;
    private readonly HostInfo _host;
    private readonly IEventSource _events;

    private readonly StateStore _store;
    private readonly Images.IImageUsage? _images;
    private readonly Containers.IContainerUsage? _containers;
    private readonly string _engineId;
    private readonly IReadOnlyList<IReadOnlyList<string>> _driverStatus;
    private RegistryServiceConfig _registryConfig;
    private readonly Lazy<RuntimeVersion?> _defaultRuntimeVersion;

    public SystemService(EngineOptions options, HostInfo host, IEventSource events, StateStore store, Images.IImageUsage? images = null, Containers.IContainerUsage? containers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(store);
        _options = options;
        _host = host;
        _events = events;
        _store = store;
        _images = images;
        _containers = containers;
        _engineId = SystemInfo.EngineId.LoadOrCreate(options.DataRoot);
        _driverStatus =
        [
            ["Backing Filesystem", BackingFileSystem.Of(options.DataRoot)],
            ["Supports d_type", "true"],
            ["Using metacopy", "false"],
            ["Native Overlay Diff", "true"],
            ["userxattr", "false"],
        ];
        _registryConfig = BuildRegistryConfig(options);
        // Spawning the runtime costs milliseconds: do it once, on first use, never per request.
        _defaultRuntimeVersion = new Lazy<RuntimeVersion?>(
            () => RuntimeVersion.Query(DefaultRuntimePath(options)),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The Go name of this process's architecture (amd64, arm64…), as <c>Arch</c> in <c>/version</c>.</summary>
    public static string GoArchitecture => GoPlatform.Architecture;

    /// <summary>The persistent engine ID (<c>ID</c> in <c>/info</c>, the actor of daemon events).</summary>
    public string EngineId => _engineId;

    /// <summary>
    /// Takes the settings dockerd reloads on SIGHUP (debug, labels, live-restore, runtimes, registries);
    /// the rest (data root, drivers) only change with a restart, as in dockerd.
    /// </summary>
    public void Reconfigure(EngineOptions reloaded)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        var current = Volatile.Read(ref _options);
        var next = current with
        {
            Debug = reloaded.Debug,
            Labels = reloaded.Labels,
            LiveRestore = reloaded.LiveRestore,
            DefaultRuntime = reloaded.DefaultRuntime,
            Runtimes = reloaded.Runtimes,
            InsecureRegistries = reloaded.InsecureRegistries,
            RegistryMirrors = reloaded.RegistryMirrors,
        };
        Volatile.Write(ref _registryConfig, BuildRegistryConfig(next));
        Volatile.Write(ref _options, next);
    }

    public Wharf.Api.SystemInfo GetInfo()
    {
        var options = Volatile.Read(ref _options);
        var cgroup = _host.Cgroup;
        var runc = _defaultRuntimeVersion.Value;
        var runcCommit = runc is { Commit.Length: > 0 } ? runc.Commit : NotAvailable;
        var ipv4Forwarding = ProcessStats.IPv4Forwarding();
        var (containers, running, paused, stopped) = CountContainers();
        return new Wharf.Api.SystemInfo
        {
            ID = _engineId,
            Containers = containers,
            ContainersRunning = running,
            ContainersPaused = paused,
            ContainersStopped = stopped,
            Images = CountImages(),
            Driver = "overlay2",
            DriverStatus = _driverStatus,
            DockerRootDir = options.DataRoot,
            Plugins = new PluginsInfo
            {
                Volume = ["local"],
                Network = ["bridge", "host", "none", "null"],
                Log = ["json-file", "local", "none"],
            },
            MemoryLimit = cgroup.MemoryLimit,
            SwapLimit = cgroup.SwapLimit,
            KernelMemoryTCP = cgroup.KernelMemoryTcp,
            CpuCfsPeriod = cgroup.CpuCfsPeriod,
            CpuCfsQuota = cgroup.CpuCfsQuota,
            CPUShares = cgroup.CpuShares,
            CPUSet = cgroup.CpuSet,
            PidsLimit = cgroup.PidsLimit,
            OomKillDisable = cgroup.OomKillDisable,
            IPv4Forwarding = ipv4Forwarding,
            Debug = options.Debug,
            NFd = ProcessStats.OpenFileDescriptors(),
            NGoroutines = ProcessStats.ThreadCount(),
            SystemTime = GoTime.FormatRfc3339Nano(DateTimeOffset.Now),
            LoggingDriver = options.LoggingDriver,
            CgroupDriver = options.CgroupDriver,
            CgroupVersion = _host.CgroupVersion,
            NEventsListener = _events.ListenerCount,
            KernelVersion = _host.KernelVersion,
            OperatingSystem = _host.OperatingSystem,
            OSVersion = _host.OSVersion,
            OSType = "linux",
            Architecture = _host.Architecture,
            NCPU = _host.CpuCount,
            MemTotal = _host.MemTotal,
            IndexServerAddress = "https://index.docker.io/v1/",
            RegistryConfig = Volatile.Read(ref _registryConfig),
            HttpProxy = ProxyFromEnvironment("HTTP_PROXY"),
            HttpsProxy = ProxyFromEnvironment("HTTPS_PROXY"),
            NoProxy = ProxyFromEnvironment("NO_PROXY"),
            Name = _host.Hostname,
            Labels = options.Labels,
            ExperimentalBuild = options.Experimental,
            ServerVersion = BuildInfo.Version,
            Runtimes = options.Runtimes.ToDictionary(runtime => runtime.Key, runtime => new RuntimeInfo { Path = runtime.Value }, StringComparer.Ordinal),
            DefaultRuntime = options.DefaultRuntime,
            LiveRestoreEnabled = options.LiveRestore,
            InitBinary = "docker-init",
            ContainerdCommit = new CommitInfo(NotAvailable, NotAvailable),
            // dockerd reports the actual commit as the expected one too, so clients show no mismatch.
            RuncCommit = new CommitInfo(runcCommit, runcCommit),
            InitCommit = new CommitInfo(NotAvailable, NotAvailable),
            SecurityOptions = SecurityOptions(),
            DefaultAddressPools = options.DefaultAddressPools,
            Warnings = Warnings(cgroup, ipv4Forwarding),
        };
    }

    public SystemVersion GetVersion()
    {
        var goVersion = RuntimeInformation.FrameworkDescription;
        var experimental = _options.Experimental ? "true" : "false";
        var components = new List<ComponentVersion>
        {
            new()
            {
                Name = "Engine",
                Version = BuildInfo.Version,
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["ApiVersion"] = ApiVersions.Max,
                    ["Arch"] = GoArchitecture,
                    ["BuildTime"] = BuildInfo.BuildTime,
                    ["Experimental"] = experimental,
                    ["GitCommit"] = BuildInfo.GitCommit,
                    ["GoVersion"] = goVersion,
                    ["KernelVersion"] = _host.KernelVersion,
                    ["MinAPIVersion"] = ApiVersions.Min,
                    ["Os"] = "linux",
                },
            },
        };
        if (_defaultRuntimeVersion.Value is { } runtime)
        {
            components.Add(new ComponentVersion
            {
                Name = runtime.Name,
                Version = runtime.Version,
                Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["GitCommit"] = runtime.Commit },
            });
        }

        return new SystemVersion
        {
            Platform = new PlatformName("Wharf Engine"),
            Components = components,
            Version = BuildInfo.Version,
            ApiVersion = ApiVersions.Max,
            MinAPIVersion = ApiVersions.Min,
            GitCommit = BuildInfo.GitCommit,
            GoVersion = goVersion,
            Os = "linux",
            Arch = GoArchitecture,
            KernelVersion = _host.KernelVersion,
            // Go marks it omitempty: absent unless the daemon runs with experimental features.
            Experimental = _options.Experimental ? true : null,
            BuildTime = BuildInfo.BuildTime,
        };
    }

    public SystemDataUsage GetDataUsage()
    {
        var containers = _containers?.ListWithSizes() ?? [];
        var images = _images?.List(new Images.ImageListOptions(All: true, Digests: false, FiltersJson: null)) ?? [];
        return new SystemDataUsage
        {
            // Volumes and build cache report here once their stores exist.
            LayersSize = _images?.LayersSize() ?? 0,

            // dockerd counts each image's containers here (docker system df's ACTIVE column reads it).
            Images = [.. images.Select(image => image with { Containers = containers.Count(c => c.ImageID == image.Id) })],
            Containers = containers,
            Volumes = [],
            BuildCache = [],
        };
    }

    internal static RegistryServiceConfig BuildRegistryConfig(EngineOptions options)
    {
        var mirrors = options.RegistryMirrors.Select(mirror => mirror.EndsWith('/') ? mirror : mirror + "/").ToList();
        var cidrs = new List<string>();
        var indexConfigs = new Dictionary<string, IndexInfo>(StringComparer.Ordinal);
        // Like dockerd: configured entries first, then loopback, which is always insecure.
        foreach (var registry in options.InsecureRegistries.Concat(["::1/128", "127.0.0.0/8"]))
        {
            if (IPNetwork.TryParse(registry, out var network))
            {
                var text = network.ToString();
                if (!cidrs.Contains(text))
                {
                    cidrs.Add(text);
                }
            }
            else
            {
                var name = StripScheme(registry);
                indexConfigs[name] = new IndexInfo { Name = name, Mirrors = [], Secure = false, Official = false };
            }
        }

        indexConfigs[OfficialIndexName] = new IndexInfo { Name = OfficialIndexName, Mirrors = mirrors, Secure = true, Official = true };
        return new RegistryServiceConfig { InsecureRegistryCIDRs = cidrs, IndexConfigs = indexConfigs, Mirrors = mirrors };
    }

    private static string StripScheme(string registry)
    {
        var separator = registry.IndexOf("://", StringComparison.Ordinal);
        return (separator < 0 ? registry : registry[(separator + 3)..]).TrimEnd('/');
    }

    private static string DefaultRuntimePath(EngineOptions options) =>
        options.Runtimes.TryGetValue(options.DefaultRuntime, out var path) && path.Length > 0 ? path : "runc";

    // dockerd reports proxies with any credentials masked.
    private static string ProxyFromEnvironment(string name)
    {
        var value = Environment.GetEnvironmentVariable(name) ?? Environment.GetEnvironmentVariable(name.ToLowerInvariant()) ?? "";
        if (value.Length == 0 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return value;
        }

        return new UriBuilder(uri) { UserName = "xxxxx", Password = "xxxxx" }.Uri.ToString().TrimEnd('/');
    }

    private (int Total, int Running, int Paused, int Stopped) CountContainers()
    {
        if (_containers is null)
        {
            return (0, 0, 0, 0);
        }

        var counts = _containers.Counts();
        return (counts.Total, counts.Running, counts.Paused, counts.Stopped);
    }

    private int CountImages() => _images?.Count() ?? 0;

    private List<string> SecurityOptions()
    {
        var options = new List<string>();
        if (_host.AppArmor)
        {
            options.Add("name=apparmor");
        }

        if (_host.Seccomp)
        {
            options.Add("name=seccomp,profile=builtin");
        }

        // Containers get a private cgroup namespace by default only on cgroup v2, as with dockerd.
        if (_host.CgroupVersion == "2" && _host.CgroupNamespaces)
        {
            options.Add("name=cgroupns");
        }

        return options;
    }

    private List<string>? Warnings(CgroupFeatures cgroup, bool ipv4Forwarding)
    {
        var v2 = _host.CgroupVersion == "2";
        var warnings = new List<string>();
        void WarnUnless(bool supported, string warning)
        {
            if (!supported)
            {
                warnings.Add(warning);
            }
        }

        WarnUnless(cgroup.MemoryLimit, "WARNING: No memory limit support");
        WarnUnless(cgroup.SwapLimit, "WARNING: No swap limit support");
        // These two do not exist on cgroup v2, where warning would leave the user nothing to do.
        WarnUnless(v2 || cgroup.KernelMemoryTcp, "WARNING: No kernel memory TCP limit support");
        WarnUnless(v2 || cgroup.OomKillDisable, "WARNING: No oom kill disable support");
        WarnUnless(cgroup.CpuCfsQuota, "WARNING: No cpu cfs quota support");
        WarnUnless(cgroup.CpuCfsPeriod, "WARNING: No cpu cfs period support");
        WarnUnless(cgroup.CpuShares, "WARNING: No cpu shares support");
        WarnUnless(cgroup.CpuSet, "WARNING: No cpuset support");
        WarnUnless(!v2 || cgroup.BlkioWeight, "WARNING: No io.weight support");
        WarnUnless(!v2 || cgroup.BlkioWeightDevice, "WARNING: No io.weight (per device) support");
        WarnUnless(cgroup.BlkioReadBpsDevice, v2 ? "WARNING: No io.max (rbps) support" : "WARNING: No blkio throttle.read_bps_device support");
        WarnUnless(cgroup.BlkioWriteBpsDevice, v2 ? "WARNING: No io.max (wbps) support" : "WARNING: No blkio throttle.write_bps_device support");
        WarnUnless(cgroup.BlkioReadIopsDevice, v2 ? "WARNING: No io.max (riops) support" : "WARNING: No blkio throttle.read_iops_device support");
        WarnUnless(cgroup.BlkioWriteIopsDevice, v2 ? "WARNING: No io.max (wiops) support" : "WARNING: No blkio throttle.write_iops_device support");
        WarnUnless(ipv4Forwarding, "WARNING: IPv4 forwarding is disabled");
        return warnings.Count == 0 ? null : warnings;
    }
}
