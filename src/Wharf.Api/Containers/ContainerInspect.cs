using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>The answer of <c>GET /containers/{id}/json</c>, in dockerd's shape.</summary>
public sealed record ContainerInspect
{
    public string Id { get; init; } = "";

    public string Created { get; init; } = "";

    public string Path { get; init; } = "";

    public IReadOnlyList<string> Args { get; init; } = [];

    public ContainerState State { get; init; } = new();

    public string Image { get; init; } = "";

    public string ResolvConfPath { get; init; } = "";

    public string HostnamePath { get; init; } = "";

    public string HostsPath { get; init; } = "";

    public string LogPath { get; init; } = "";

    public string Name { get; init; } = "";

    public int RestartCount { get; init; }

    public string Driver { get; init; } = "";

    public string Platform { get; init; } = "";

    public string MountLabel { get; init; } = "";

    public string ProcessLabel { get; init; } = "";

    public string AppArmorProfile { get; init; } = "";

    public IReadOnlyList<string>? ExecIDs { get; init; }

    public HostConfig HostConfig { get; init; } = new();

    public DriverData GraphDriver { get; init; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRw { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRootFs { get; init; }

    public IReadOnlyList<MountPoint> Mounts { get; init; } = [];

    public ContainerConfig Config { get; init; } = new();

    public NetworkSettings NetworkSettings { get; init; } = new();
}
