namespace Wharf.Engine.Runtime;

/// <summary>
/// The filters of <c>GET /containers/{id}/logs</c>: which streams, since/until (exclusive of nothing: a record at
/// exactly Since is included, as dockerd), the last <paramref name="Tail"/> records (null = all), and follow.
/// </summary>
public sealed record LogReadOptions(
    bool Stdout,
    bool Stderr,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    int? Tail,
    bool Follow,
    Task? StopFollowing);
