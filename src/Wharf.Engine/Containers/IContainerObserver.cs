namespace Wharf.Engine.Containers;

/// <summary>Told by the container service when a container's run starts, ends and when it is removed (health checks and execs follow these).</summary>
public interface IContainerObserver
{
    void OnStarted(ContainerView container);

    void OnStopped(string containerId);

    void OnRemoved(string containerId);
}
