using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary><c>HostConfig</c> of a container list entry.</summary>
public sealed record ContainerSummaryHostConfig
{
    public string NetworkMode { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Annotations { get; init; }
}
