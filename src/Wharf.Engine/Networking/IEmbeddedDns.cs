namespace Wharf.Engine.Networking;

/// <summary>
/// Docker's embedded DNS server at 127.0.0.11:53 (UDP and TCP) inside each container on a user-defined network,
/// served by wharfd itself: sockets are opened inside the container's network namespace and answered from
/// <see cref="IDnsRecordSource"/>; other names are forwarded from the host's namespace.
/// </summary>
public interface IEmbeddedDns : IAsyncDisposable
{
    /// <summary>Starts serving the container whose namespace is at <paramref name="namespacePath"/>; again for the same container is a no-op.</summary>
    void Attach(string containerId, string namespacePath);

    void Detach(string containerId);
}
