using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>The health of containers with a healthcheck (inspect's State.Health, ps's Status suffix and its health filter).</summary>
public interface IHealthStatusSource
{
    /// <summary>Null when the container has no healthcheck or does not run.</summary>
    ContainerHealth? Get(string containerId);
}
