using Wharf.Api;

namespace Wharf.Engine.Stats;

/// <summary><c>GET /containers/{id}/top</c>.</summary>
public interface ITopService
{
    Task<ContainerTopResponse> TopAsync(string containerNameOrId, string? psArgs, CancellationToken cancellationToken);
}
