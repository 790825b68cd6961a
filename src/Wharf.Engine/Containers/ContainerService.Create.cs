using System.Globalization;
using System.Security.Cryptography;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Images;
using Wharf.Engine.Layers;
using Wharf.Engine.Networking.Sandbox;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private const int NameAttempts = 6;

    public async Task<ContainerCreateResponse> CreateAsync(string? name, string? platform, ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestedName = string.IsNullOrEmpty(name) ? null : ContainerNames.Normalize(name);
        var requestedConfig = RequestDefaults.Config(ContainerConfigMerger.CopyOf(request));
        var hostConfig = RequestDefaults.Host(request.HostConfig);

        // dockerd checks the settings before it looks for the image.
        var warnings = _specs.Validate(requestedConfig, hostConfig).ToList();
        if (requestedConfig.Image.Length == 0)
        {
            throw EngineException.InvalidParameter("No image was specified");
        }

        var image = _images.Resolve(requestedConfig.Image);
        CheckPlatform(platform, requestedConfig.Image, image);
        var config = ContainerConfigMerger.Merge(requestedConfig, image.Config);
        var (path, args) = ContainerConfigMerger.EntrypointAndArgs(config);
        hostConfig = ApplyHostDefaults(hostConfig);
        CheckNamespaceModes(hostConfig);
        foreach (var entry in WithHostGateway(hostConfig.ExtraHosts))
        {
            ContainerHostFiles.ParseExtraHost(entry);
        }

        PortPlan.Validate(hostConfig);

        var id = NewId();
        if (config.Hostname.Length == 0)
        {
            config = config with { Hostname = IsHostNetwork(hostConfig) ? _options.HostName : id[..12] };
        }

        var networkSettings = InitialNetworkSettings(hostConfig, request.NetworkingConfig);
        var containerName = ReserveName(requestedName, id);
        var record = new ContainerRecord
        {
            Id = id,
            Name = containerName,
            Created = _time.GetUtcNow(),
            ImageId = image.Id,
            LayerChainId = image.TopChainId?.ToString(),
            Config = config,
            HostConfig = hostConfig,
            NetworkingConfig = request.NetworkingConfig,
            NetworkSettings = networkSettings,
            Path = path,
            Args = args,
        };
        try
        {
            await Task.Run(() => CreateFiles(record, image), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ReleaseName(containerName, id);
            throw;
        }

        var created = new ContainerEntry(record);
        _containers[id] = created;
        Publish(record, "create");
        return new ContainerCreateResponse { Id = id, Warnings = warnings };
    }

    /// <summary>
    /// Takes the image layer reference, writes the container's directory, then the row: a crash before the row leaves
    /// a directory without one (removed at start-up) and a reference the start-up recount drops.
    /// </summary>
    private void CreateFiles(ContainerRecord record, ResolvedImage image)
    {
        if (image.TopChainId is not null && !_layers.TryAcquire(image.TopChainId))
        {
            throw EngineException.NotFound($"layer {image.TopChainId} of image {image.Id} not found");
        }

        var directory = _paths.Directory(record.Id);
        try
        {
            Directory.CreateDirectory(directory);
            _rootfs.Create(record.Id);
            WriteHostFiles(record);
            _table.Insert(record);
        }
        catch
        {
            LayerTarApplier.RemoveTree(directory);
            if (image.TopChainId is not null)
            {
                _layers.Release(image.TopChainId);
            }

            throw;
        }
    }

    private void WriteHostFiles(ContainerRecord record)
    {
        var hostNetwork = IsHostNetwork(record.HostConfig);
        var hostConfig = record.HostConfig;
        WriteAtomically(_paths.HostnameFile(record.Id), ContainerHostFiles.Hostname(record.Config.Hostname));
        WriteAtomically(_paths.HostsFile(record.Id), ContainerHostFiles.Hosts(hostNetwork, ReadHostFile(_options.HostHostsPath), WithHostGateway(hostConfig.ExtraHosts)));
        WriteAtomically(
            _paths.ResolvConfFile(record.Id),
            ContainerHostFiles.ResolvConf(
                hostNetwork,
                ReadHostFile(_options.HostResolvConfPath) ?? "",
                hostConfig.Dns is { Count: > 0 } dns ? dns : _options.Dns,
                hostConfig.DnsSearch is { Count: > 0 } search ? search : _options.DnsSearch,
                hostConfig.DnsOptions is { Count: > 0 } dnsOptions ? dnsOptions : _options.DnsOptions));
    }

    private static string? ReadHostFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Renamed into place but not fsynced: complete after a kill -9 at any point, which is what wharf promises; three
    // more fsyncs per create would be the largest cost of `docker create` on a busy disk.
    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(content);
            stream.Write(bytes);
        }

        Wharf.Linux.FileNodes.ChangeMode(temporary, 0x1A4); // 0644, whatever the umask
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>dockerd's adaptContainerSettings and mergeAndVerifyLogConfig: what inspect shows for an unset HostConfig field.</summary>
    private HostConfig ApplyHostDefaults(HostConfig hostConfig)
    {
        var runtime = hostConfig.Runtime.Length == 0 ? _options.DefaultRuntime : hostConfig.Runtime;
        if (!_options.Runtimes.ContainsKey(runtime))
        {
            throw EngineException.InvalidParameter($"Unknown runtime specified {runtime}");
        }

        var cgroupns = hostConfig.CgroupnsMode;
        if (cgroupns.Length == 0)
        {
            cgroupns = hostConfig.Privileged && _options.CgroupVersion != "2" ? "host" : _options.CgroupnsMode;
        }

        return hostConfig with
        {
            LogConfig = LogConfigRules.Merge(hostConfig.LogConfig, _options.LogDriver, _options.LogOptions),
            // dockerd 25+ records the default network by its name.
            NetworkMode = hostConfig.NetworkMode is "" or "default" ? "bridge" : hostConfig.NetworkMode,
            ShmSize = hostConfig.ShmSize == 0 ? _options.ShmSize : hostConfig.ShmSize,
            IpcMode = hostConfig.IpcMode.Length == 0 ? _options.IpcMode : hostConfig.IpcMode,
            CgroupnsMode = cgroupns,
            OomKillDisable = hostConfig.OomKillDisable ?? false,
            MemorySwap = hostConfig.Memory > 0 && hostConfig.MemorySwap == 0 ? hostConfig.Memory * 2 : hostConfig.MemorySwap,
            Runtime = runtime,
        };
    }

    /// <summary>
    /// Network, IPC and PID modes wharf can honour. Named networks are resolved with the endpoints (without networking,
    /// as in unit tests, only the built-in modes exist and bridge gives a namespace with loopback only).
    /// </summary>
    private void CheckNamespaceModes(HostConfig hostConfig)
    {
        var network = hostConfig.NetworkMode;
        if (network.StartsWith("container:", StringComparison.Ordinal))
        {
            Resolve(network["container:".Length..]);
            if (hostConfig.PortBindings is { Count: > 0 } || hostConfig.PublishAllPorts)
            {
                throw EngineException.InvalidParameter("conflicting options: port publishing and the container type network mode");
            }

        }
        else if (_sandboxes is null && network is not ("default" or "bridge" or "host" or "none"))
        {
            throw EngineException.NotFound($"network {network} not found");
        }

        if (hostConfig.IpcMode.StartsWith("container:", StringComparison.Ordinal))
        {
            Resolve(hostConfig.IpcMode["container:".Length..]);
        }
        else if (hostConfig.IpcMode is not ("" or "private" or "shareable" or "host" or "none"))
        {
            throw EngineException.InvalidParameter($"invalid IPC mode: {hostConfig.IpcMode}");
        }

        if (hostConfig.PidMode.StartsWith("container:", StringComparison.Ordinal))
        {
            Resolve(hostConfig.PidMode["container:".Length..]);
        }
    }

    private static bool IsHostNetwork(HostConfig hostConfig) => hostConfig.NetworkMode == "host";

    private void CheckPlatform(string? platform, string reference, ResolvedImage image)
    {
        if (string.IsNullOrEmpty(platform))
        {
            return;
        }

        var parts = platform.ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
        {
            throw EngineException.InvalidParameter($"\"{platform}\": unknown operating system or architecture: invalid argument");
        }

        var inspect = _images.Inspect(image.Id);
        var matches = parts[0] == inspect.Os && (parts.Length < 2 || parts[1] == inspect.Architecture);
        if (!matches)
        {
            throw EngineException.NotFound($"image with reference {reference} was found but does not match the specified platform: wanted {platform}, actual: {inspect.Os}/{inspect.Architecture}");
        }
    }

    /// <summary>Reserves <paramref name="name"/>, or a generated one; Conflict with dockerd's message when it is taken.</summary>
    private string ReserveName(string? name, string id)
    {
        lock (_namesGate)
        {
            if (name is not null)
            {
                if (_names.TryGetValue(name, out var holder))
                {
                    throw NameInUse(name, holder);
                }

                _names[name] = id;
                return name;
            }

            for (var attempt = 0; attempt < NameAttempts; attempt++)
            {
                var generated = "/" + ContainerNames.Generate(attempt);
                if (_names.TryAdd(generated, id))
                {
                    return generated;
                }
            }

            var fallback = $"/{ContainerNames.Generate(0)}_{id[..12]}";
            _names[fallback] = id;
            return fallback;
        }
    }

    private void ReleaseName(string name, string id)
    {
        lock (_namesGate)
        {
            if (_names.TryGetValue(name, out var holder) && holder == id)
            {
                _names.Remove(name);
            }
        }
    }

    private static EngineException NameInUse(string name, string holder) =>
        EngineException.Conflict($"Conflict. The container name \"{name}\" is already in use by container \"{holder}\". You have to remove (or rename) that container to be able to reuse that name.");

    /// <summary>64 hex digits whose 12-digit short form is not a number (it would read as one), as moby's GenerateRandomID.</summary>
    private string NewId()
    {
        while (true)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            if (long.TryParse(id[..12], NumberStyles.None, CultureInfo.InvariantCulture, out _) || _containers.ContainsKey(id))
            {
                continue;
            }

            return id;
        }
    }
}
