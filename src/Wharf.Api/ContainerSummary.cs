using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>An entry of <c>GET /containers/json</c> and of <c>Containers</c> in <c>GET /system/df</c>.</summary>
public sealed record ContainerSummary
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string> Names { get; init; } = [];

    public string Image { get; init; } = "";

    public string ImageID { get; init; } = "";

    public string Command { get; init; } = "";

    public long Created { get; init; }

    public IReadOnlyList<ContainerPort> Ports { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRw { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRootFs { get; init; }

    public Dictionary<string, string> Labels { get; init; } = [];

    public string State { get; init; } = "";

    public string Status { get; init; } = "";

    public ContainerSummaryHostConfig HostConfig { get; init; } = new();

    public ContainerSummaryNetworkSettings NetworkSettings { get; init; } = new();

    public IReadOnlyList<MountPoint> Mounts { get; init; } = [];
}
