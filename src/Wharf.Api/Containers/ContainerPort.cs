using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>A port of a container in <c>GET /containers/json</c>.</summary>
public sealed record ContainerPort
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IP { get; init; }

    public int PrivatePort { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PublicPort { get; init; }

    public string Type { get; init; } = "";
}
