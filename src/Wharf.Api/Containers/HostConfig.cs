using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>How the host runs a container (<c>HostConfig</c> of create and inspect).</summary>
public sealed record HostConfig : ContainerResources
{
    public IReadOnlyList<string>? Binds { get; init; }

    public string ContainerIDFile { get; init; } = "";

    public LogConfig LogConfig { get; init; } = new();

    public string NetworkMode { get; init; } = "";

    public Dictionary<string, IReadOnlyList<PortBinding>?>? PortBindings { get; init; }

    public RestartPolicy RestartPolicy { get; init; } = new();

    public bool AutoRemove { get; init; }

    public string VolumeDriver { get; init; } = "";

    public IReadOnlyList<string>? VolumesFrom { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MountSpec>? Mounts { get; init; }

    public IReadOnlyList<int>? ConsoleSize { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Annotations { get; init; }

    public IReadOnlyList<string>? CapAdd { get; init; }

    public IReadOnlyList<string>? CapDrop { get; init; }

    public string CgroupnsMode { get; init; } = "";

    public IReadOnlyList<string>? Dns { get; init; }

    public IReadOnlyList<string>? DnsOptions { get; init; }

    public IReadOnlyList<string>? DnsSearch { get; init; }

    public IReadOnlyList<string>? ExtraHosts { get; init; }

    public IReadOnlyList<string>? GroupAdd { get; init; }

    public string IpcMode { get; init; } = "";

    public string Cgroup { get; init; } = "";

    public IReadOnlyList<string>? Links { get; init; }

    public int OomScoreAdj { get; init; }

    public string PidMode { get; init; } = "";

    public bool Privileged { get; init; }

    public bool PublishAllPorts { get; init; }

    public bool ReadonlyRootfs { get; init; }

    public IReadOnlyList<string>? SecurityOpt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? StorageOpt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Tmpfs { get; init; }

    public string UTSMode { get; init; } = "";

    public string UsernsMode { get; init; } = "";

    public long ShmSize { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Sysctls { get; init; }

    public string Runtime { get; init; } = "";

    public string Isolation { get; init; } = "";

    public IReadOnlyList<string>? MaskedPaths { get; init; }

    public IReadOnlyList<string>? ReadonlyPaths { get; init; }
}
