using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>The container endpoints' engine side, with dockerd's semantics, errors and events.</summary>
public interface IContainerService
{
    /// <summary><c>POST /containers/create</c>; <paramref name="platform"/> (os[/arch]) must match the image when given.</summary>
    Task<ContainerCreateResponse> CreateAsync(string? name, string? platform, ContainerCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a created or stopped container; NotModified when it runs already.</summary>
    Task StartAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Stop signal, then SIGKILL after <paramref name="timeoutSeconds"/> (negative: wait forever); NotModified when not running.</summary>
    Task StopAsync(string nameOrId, string? signal, int? timeoutSeconds, CancellationToken cancellationToken);

    Task RestartAsync(string nameOrId, string? signal, int? timeoutSeconds, CancellationToken cancellationToken);

    /// <summary>Sends a signal (SIGKILL when none, and then waits for the exit); Conflict when not running.</summary>
    Task KillAsync(string nameOrId, string? signal, CancellationToken cancellationToken);

    Task PauseAsync(string nameOrId, CancellationToken cancellationToken);

    Task UnpauseAsync(string nameOrId, CancellationToken cancellationToken);

    Task RemoveAsync(string nameOrId, bool force, bool removeVolumes, bool removeLink, CancellationToken cancellationToken);

    Task RenameAsync(string nameOrId, string newName, CancellationToken cancellationToken);

    Task<ContainerUpdateResponse> UpdateAsync(string nameOrId, ContainerUpdateRequest update, CancellationToken cancellationToken);

    /// <summary>
    /// Throws at once for a missing container (so the API can answer 404 before sending its headers); the returned
    /// task completes when <paramref name="condition"/> is met, or is cancelled with <paramref name="cancellationToken"/>.
    /// </summary>
    Task<ContainerWaitResponse> Wait(string nameOrId, WaitCondition condition, CancellationToken cancellationToken);

    IReadOnlyList<ContainerSummary> List(ContainerListOptions options);

    ContainerInspect Inspect(string nameOrId, bool size);

    IReadOnlyList<FilesystemChange> Changes(string nameOrId);

    /// <summary>Resolves the container now (NotFound before anything is written), then streams a tar of its rootfs.</summary>
    Task ExportAsync(string nameOrId, Stream output, CancellationToken cancellationToken);

    Task<ContainerPruneResponse> PruneAsync(string? filtersJson, CancellationToken cancellationToken);
}
