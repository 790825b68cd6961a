using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>The body of <c>POST /containers/create</c>: the container config with its HostConfig and NetworkingConfig beside it.</summary>
public sealed record ContainerCreateRequest : ContainerConfig
{
    public HostConfig? HostConfig { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NetworkingConfig? NetworkingConfig { get; init; }
}
