using System.Text.Json;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// Builds runc's config.json the way Docker 28 does (moby daemon/oci_linux.go on oci/defaults.go, with the seccomp
/// profile of profiles/seccomp). Host facts are read once; tests pass their own.
/// </summary>
public sealed class ContainerSpecBuilder : IContainerSpecBuilder
{
    private readonly HostFacts _host;

    public ContainerSpecBuilder()
        : this(HostFactsProbe.Detect())
    {
    }

    public ContainerSpecBuilder(HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
    }

    public IReadOnlyList<string> Validate(ContainerConfig config, HostConfig hostConfig) =>
        CreateChecks.Validate(config, hostConfig, _host);

    public byte[] BuildSpec(ContainerSpecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AsSystemError(() => JsonSerializer.SerializeToUtf8Bytes(CreateSpec(context), OciJsonContext.Default.OciSpec));
    }

    public string BuildExecProcess(ContainerSpecContext context, ExecCreateRequest exec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exec);
        return AsSystemError(() => JsonSerializer.Serialize(CreateExecProcess(context, exec), OciJsonContext.Default.OciProcess));
    }

    public string BuildResources(ContainerResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var checkedResources = ResourceChecks.Verify(resources, _host, update: true, warnings: []);
        return JsonSerializer.Serialize(ResourceSpecs.ForUpdate(checkedResources), OciJsonContext.Default.OciResources);
    }

    /// <summary>The spec as objects, for callers (and tests) that want to look at it rather than write it.</summary>
    public OciSpec CreateSpec(ContainerSpecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Config;
        var host = context.HostConfig;
        var security = SecurityOptions.Parse(host.SecurityOpt);
        var resources = ResourceChecks.Verify(host, _host, update: false, warnings: []);
        var capabilities = Capabilities.Resolve(host.CapAdd, host.CapDrop, host.Privileged, _host);

        // --init only makes sense as pid 1 of a pid namespace of the container's own.
        var useInit = host.Init == true && !NamespaceModes.IsHost(host.PidMode) && !NamespaceModes.IsContainer(host.PidMode);
        var initPath = useInit
            ? context.InitPath ?? throw EngineException.InvalidParameter("exec: \"docker-init\": executable file not found in $PATH")
            : null;
        var command = Command(config);
        var args = useInit ? [DockerDefaults.InitPathInContainer, "--", .. command] : command;

        var user = UserResolver.Resolve(context.RootfsPath, config.User, host.GroupAdd);
        var process = new OciProcess
        {
            Terminal = config.Tty,
            ConsoleSize = config.Tty ? ConsoleSize(host.ConsoleSize) : null,
            User = user,
            Args = args,
            Env = ProcessEnvironment.ForContainer(config.Hostname, config.Tty, config.Env),
            Cwd = config.WorkingDir.Length > 0 ? config.WorkingDir : "/",
            Capabilities = CapabilitySet(capabilities, user.Uid),
            Rlimits = Rlimits.Build(host.Ulimits, _host.OpenFilesHardLimit),
            NoNewPrivileges = security.NoNewPrivileges,
            OomScoreAdj = host.OomScoreAdj,
        };

        var (devices, deviceRules) = Devices(host);
        return new OciSpec
        {
            Process = process,
            Root = new OciRoot(context.RootfsPath, host.ReadonlyRootfs),
            Hostname = NamespaceModes.IsHost(host.UTSMode) ? null : config.Hostname,
            Mounts = SpecMounts.Build(context, initPath, security.WritableCgroups ?? host.Privileged),
            Linux = new OciLinux
            {
                Sysctl = SysctlsFor(config, host),
                Resources = ResourceSpecs.ForStart(resources, deviceRules),
                CgroupsPath = context.CgroupsPath,
                Namespaces = SpecNamespaces.Build(context, _host.CgroupV2),
                Devices = devices,
                Seccomp = SeccompProfiles.ForContainer(security.SeccompProfile, host.Privileged, capabilities, _host),
                MaskedPaths = host.MaskedPaths ?? (host.Privileged ? null : DockerDefaults.MaskedPaths),
                ReadonlyPaths = host.ReadonlyPaths ?? (host.Privileged ? null : DockerDefaults.ReadonlyPaths),
            },
        };
    }

    /// <summary>The exec's process: the container's security settings, the exec's command, env, cwd, user and terminal.</summary>
    public OciProcess CreateExecProcess(ContainerSpecContext context, ExecCreateRequest exec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exec);
        var config = context.Config;
        var host = context.HostConfig;
        if (exec.Cmd is not { Count: > 0 })
        {
            throw EngineException.InvalidParameter("No exec command specified");
        }

        var security = SecurityOptions.Parse(host.SecurityOpt);

        // dockerd starts an exec from the container's process, so its capabilities follow the container's user;
        // only a privileged exec gets them all, effective too, whoever it runs as.
        var capabilitySet = exec.Privileged
            ? new OciCapabilities { Bounding = _host.AvailableCapabilities, Effective = _host.AvailableCapabilities, Permitted = _host.AvailableCapabilities }
            : CapabilitySet(
                Capabilities.Resolve(host.CapAdd, host.CapDrop, host.Privileged, _host),
                UserResolver.Resolve(context.RootfsPath, config.User, host.GroupAdd).Uid);
        var user = exec.User.Length > 0 ? exec.User : config.User;
        var workingDir = exec.WorkingDir.Length > 0 ? exec.WorkingDir : config.WorkingDir;
        var env = ProcessEnvironment.ReplaceOrAppend(
            ProcessEnvironment.ForContainer(config.Hostname, exec.Tty, config.Env),
            exec.Env ?? []);
        return new OciProcess
        {
            Terminal = exec.Tty,
            ConsoleSize = exec.Tty ? ConsoleSize(exec.ConsoleSize) : null,
            User = UserResolver.Resolve(context.RootfsPath, user, host.GroupAdd),
            Args = exec.Cmd,
            Env = env,
            Cwd = workingDir.Length > 0 ? workingDir : "/",
            Capabilities = capabilitySet,
            Rlimits = Rlimits.Build(host.Ulimits, _host.OpenFilesHardLimit),
            NoNewPrivileges = security.NoNewPrivileges,
            OomScoreAdj = host.OomScoreAdj,
        };
    }

    private static List<string> Command(ContainerConfig config)
    {
        var command = new List<string>(config.Entrypoint ?? []);
        command.AddRange(config.Cmd ?? []);
        return command.Count > 0 ? command : throw EngineException.InvalidParameter("No command specified");
    }

    private static OciBox? ConsoleSize(IReadOnlyList<int>? size) =>
        size is [var height, var width] && (height > 0 || width > 0) ? new OciBox((uint)Math.Max(height, 0), (uint)Math.Max(width, 0)) : null;

    /// <summary>
    /// Like moby's oci.SetCapabilities: root gets the set as bounding, effective and permitted; any other user only
    /// as bounding, as execve(2) would leave it (and never inheritable, since CVE-2022-24769).
    /// </summary>
    private static OciCapabilities CapabilitySet(IReadOnlyList<string> capabilities, uint uid) =>
        uid == 0
            ? new OciCapabilities { Bounding = capabilities, Effective = capabilities, Permitted = capabilities }
            : new OciCapabilities { Bounding = capabilities };

    private (IReadOnlyList<OciDevice> Devices, IReadOnlyList<OciDeviceRule> Rules) Devices(HostConfig host)
    {
        var devices = new List<OciDevice>();
        if (host.Privileged)
        {
            devices.AddRange(DeviceNodes.HostDevices(_host.DevicesRoot));
            foreach (var mapping in host.Devices ?? [])
            {
                // Already there through the host's /dev; only a different path inside adds a node.
                if (mapping.PathOnHost != mapping.PathInContainer)
                {
                    devices.AddRange(DeviceNodes.FromPath(mapping.PathOnHost, InContainer(mapping), "rwm").Devices);
                }
            }

            return (devices, [new OciDeviceRule { Allow = true, Access = "rwm" }]);
        }

        var rules = new List<OciDeviceRule>(DockerDefaults.DeviceRules);
        foreach (var mapping in host.Devices ?? [])
        {
            var permissions = mapping.CgroupPermissions.Length > 0 ? mapping.CgroupPermissions : "rwm";
            var (mapped, mappedRules) = DeviceNodes.FromPath(mapping.PathOnHost, InContainer(mapping), permissions);
            devices.AddRange(mapped);
            rules.AddRange(mappedRules);
        }

        rules.AddRange(DeviceNodes.ParseCgroupRules(host.DeviceCgroupRules));
        return (devices, rules);
    }

    private static string InContainer(DeviceMapping mapping) =>
        mapping.PathInContainer.Length > 0 ? mapping.PathInContainer : mapping.PathOnHost;

    /// <summary>dockerd's sysctls: the NIS domain name, ping and low ports for unprivileged users in a network of its own, then the user's.</summary>
    private Dictionary<string, string> SysctlsFor(ContainerConfig config, HostConfig host)
    {
        Sysctls.Validate(
            host.Sysctls,
            privateNetwork: NamespaceModes.IsPrivateNetwork(host.NetworkMode),
            privateIpc: !NamespaceModes.IsHost(host.IpcMode),
            privateUts: !NamespaceModes.IsHost(host.UTSMode));
        var sysctls = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (config.Domainname.Length > 0)
        {
            sysctls["kernel.domainname"] = config.Domainname;
        }

        if (NamespaceModes.IsPrivateNetwork(host.NetworkMode))
        {
            if (_host.PingGroupRangeSysctl)
            {
                sysctls["net.ipv4.ping_group_range"] = "0 2147483647";
            }

            if (_host.UnprivilegedPortStartSysctl)
            {
                sysctls["net.ipv4.ip_unprivileged_port_start"] = "0";
            }
        }

        foreach (var (name, value) in host.Sysctls ?? [])
        {
            sysctls[name] = value;
        }

        // Go writes map keys sorted; so do we, so that the file reads the same as Docker's.
        return new Dictionary<string, string>(sysctls, StringComparer.Ordinal);
    }

    /// <summary>dockerd reports any failure to build a spec at start as a system error (500), whatever its cause.</summary>
    private static T AsSystemError<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (EngineException exception) when (exception.Kind == ErrorKind.InvalidParameter)
        {
            throw new EngineException(ErrorKind.Internal, exception.Message, exception);
        }
        catch (IOException exception)
        {
            throw new EngineException(ErrorKind.Internal, exception.Message, exception);
        }
    }
}
