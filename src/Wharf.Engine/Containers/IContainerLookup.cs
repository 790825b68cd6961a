using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

/// <summary>What the stream services (attach, logs, exec, stats, top, health) need from the container service.</summary>
public interface IContainerLookup
{
    /// <summary>A container by full ID, unique ID prefix or name (with or without the leading slash); throws NotFound <c>No such container: {nameOrId}</c>.</summary>
    ContainerView Get(string nameOrId);

    /// <summary>The runtime task of a running (or paused) container; null when it does not run.</summary>
    IRuntimeTask? GetTask(string containerId);

    /// <summary>
    /// Attaches to a container's stdio. Running: live output from now on. Created or stopped: waits for the next
    /// start and receives the output from its very first byte (the engine starts the shim with
    /// ReplayToFirstAttach and hands this attach the replay). Cancel the token to give up waiting.
    /// </summary>
    Task<IRuntimeStream> AttachAsync(string containerId, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken);

    /// <summary>Completes when the container's current run ends (immediately if it does not run).</summary>
    Task WaitStoppedAsync(string containerId, CancellationToken cancellationToken);
}
