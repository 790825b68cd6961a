using Wharf.Api;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Stats;

/// <summary>Takes one sample of a running container (everything but name, id and the previous sample's fields).</summary>
public interface IStatsSampler
{
    /// <param name="pid">The container's first process on the host, whose network namespace is read.</param>
    /// <exception cref="IOException">The container's cgroup or process is gone (it stopped meanwhile).</exception>
    ContainerStats Sample(ContainerView container, int pid);
}
