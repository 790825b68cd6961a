using System.Text.Json.Serialization;

namespace Wharf.Shim.Protocol;

/// <summary>The content of <c>exit.json</c> in a container's state dir, written atomically by the shim when init ended.</summary>
public sealed class ShimExitRecord
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int ExitCode { get; set; }

    /// <summary>RFC 3339 with nanoseconds, UTC.</summary>
    public string FinishedAt { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool OomKilled { get; set; }
}
