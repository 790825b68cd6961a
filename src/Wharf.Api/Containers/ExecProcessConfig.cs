using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary><c>ProcessConfig</c> of an exec inspect (lower-case names, as dockerd).</summary>
public sealed record ExecProcessConfig
{
    [JsonPropertyName("privileged")]
    public bool Privileged { get; init; }

    [JsonPropertyName("user")]
    public string User { get; init; } = "";

    [JsonPropertyName("tty")]
    public bool Tty { get; init; }

    [JsonPropertyName("entrypoint")]
    public string Entrypoint { get; init; } = "";

    [JsonPropertyName("arguments")]
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
