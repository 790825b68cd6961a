using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>An entry of <c>HostConfig.Mounts</c> (<c>--mount</c>).</summary>
public sealed record MountSpec
{
    public string Target { get; init; } = "";

    public string Source { get; init; } = "";

    public string Type { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ReadOnly { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Consistency { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.JsonElement? BindOptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.JsonElement? VolumeOptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.JsonElement? TmpfsOptions { get; init; }
}
