namespace Wharf.Engine.Runtime;

/// <summary>
/// Runs containers through one wharf-shim per container (the shim, not wharfd, is the parent of runc's container,
/// so containers survive a wharfd restart). Everything here works on the OCI bundle the engine wrote.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>
    /// Starts a shim for the bundle, which creates and starts the container, and returns once the container's
    /// process runs. When the process cannot be started (executable not found, permission denied, bad spec) it throws
    /// <see cref="Errors.EngineException"/> of kind InvalidParameter whose message carries runc's error text, and
    /// leaves no shim, runc state or cgroup behind.
    /// </summary>
    Task<IRuntimeTask> StartAsync(ContainerStartSpec spec, CancellationToken cancellationToken);

    /// <summary>After a wharfd restart: the task of a container whose shim still runs, or null when the shim is gone.</summary>
    Task<IRuntimeTask?> ReconnectAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The exit a shim recorded in the container's state dir before it ended (read after a reconnect found no shim); null if none.</summary>
    RuntimeExit? ReadRecordedExit(string containerId);

    /// <summary>
    /// Removes what the runtime keeps for a container that no longer runs: bundle dir, sockets, exit file, runc
    /// state and cgroups (runc delete --force when runc still knows it). Idempotent.
    /// </summary>
    Task CleanupAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>IDs of containers with runtime state under the exec root (start-up reconcile compares them with the store).</summary>
    IReadOnlyList<string> ListStates();

    /// <summary>Freezes every process of the container (runc pause).</summary>
    Task PauseAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Thaws the container (runc resume).</summary>
    Task ResumeAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Applies new limits to a running container; <paramref name="linuxResourcesJson"/> is an OCI <c>linux.resources</c> object (runc update -r).</summary>
    Task UpdateAsync(string containerId, string linuxResourcesJson, CancellationToken cancellationToken);

    /// <summary>Host PIDs of every process in the container (for top).</summary>
    Task<IReadOnlyList<int>> ListPidsAsync(string containerId, CancellationToken cancellationToken);
}
