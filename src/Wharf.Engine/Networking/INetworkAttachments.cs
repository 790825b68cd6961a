using Wharf.Api;

namespace Wharf.Engine.Networking;

/// <summary>Connects and disconnects containers (running or not) to networks; what the network routes call.</summary>
public interface INetworkAttachments
{
    /// <summary>
    /// <c>docker network connect</c>: a running container gets the interface at once; a created or stopped one is
    /// attached at its next start. dockerd's errors: container already on the network (Forbidden
    /// <c>endpoint with name X already exists in network Y</c>), host/none/container: mode conflicts.
    /// </summary>
    Task ConnectAsync(string networkNameOrId, string containerNameOrId, EndpointSettings? endpoint, CancellationToken cancellationToken);

    /// <summary><c>docker network disconnect</c>; <paramref name="force"/> also removes a stale endpoint of a container that is gone.</summary>
    Task DisconnectAsync(string networkNameOrId, string containerNameOrId, bool force, CancellationToken cancellationToken);
}
