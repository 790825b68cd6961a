namespace Wharf.Shim.Protocol;

/// <summary>
/// The one JSON line a shim answers with, and also the line it prints on its stdout once the container started
/// (<c>{"pid":N}</c>) or failed to (<c>{"error":"…"}</c>). Fields a reply does not use stay at their defaults
/// and are left out of the JSON.
/// </summary>
public sealed class ShimResponse
{
    /// <summary>Set when the request failed; the message is runc's or Docker's wording.</summary>
    public string? Error { get; set; }

    public int Pid { get; set; }

    public bool Running { get; set; }

    public bool Exited { get; set; }

    public int ExitCode { get; set; }

    /// <summary>RFC 3339 with nanoseconds, UTC.</summary>
    public string? FinishedAt { get; set; }

    public bool OomKilled { get; set; }
}
