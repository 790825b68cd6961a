using Wharf.Api;

namespace Wharf.Engine.Stats;

/// <summary><c>GET /containers/{id}/stats</c>.</summary>
public interface IStatsService
{
    /// <summary>
    /// Validates the request (NotFound, InvalidParameter) before anything is produced, so the caller can answer with
    /// an error status; then the samples: one per second while <paramref name="stream"/>, else one.
    /// </summary>
    IAsyncEnumerable<ContainerStats> Open(string containerNameOrId, bool stream, bool oneShot);
}
