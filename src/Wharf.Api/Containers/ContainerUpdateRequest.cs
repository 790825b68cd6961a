using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>The body of <c>POST /containers/{id}/update</c>: new limits and, optionally, a new restart policy.</summary>
public sealed record ContainerUpdateRequest : ContainerResources
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestartPolicy? RestartPolicy { get; init; }
}
