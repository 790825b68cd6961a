using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>
/// Holds host ports for published container ports (a bound socket per port, like dockerd's port reservation), so
/// no other process and no other container can take them while the container runs, and a port already taken fails
/// the start with dockerd's message (Conflict: <c>Bind for 0.0.0.0:8080 failed: port is already allocated</c>).
/// </summary>
public interface IHostPortReservations
{
    /// <summary>All or nothing: on failure nothing stays reserved. Returns the chosen host ports, in request order.</summary>
    IReadOnlyList<PublishedPort> Reserve(string containerId, IPAddress containerIp, IReadOnlyList<PortRequest> requests);

    void Release(string containerId);
}
