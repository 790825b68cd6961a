using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>The answer of <c>POST /containers/{id}/wait</c>.</summary>
public sealed record ContainerWaitResponse
{
    public long StatusCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerWaitError? Error { get; init; }
}
