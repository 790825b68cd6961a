using System.Collections.Concurrent;
using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Daemon.Tests.Containers;

/// <summary>An <see cref="IContainerService"/> that records what the routes passed; "missing" is never found.</summary>
internal sealed class FakeContainerService : IContainerService
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public ContainerCreateRequest? LastCreate { get; private set; }

    public ContainerUpdateRequest? LastUpdate { get; private set; }

    public ContainerListOptions? LastList { get; private set; }

    /// <summary>Completes the pending wait.</summary>
    public TaskCompletionSource<ContainerWaitResponse> WaitResult { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WaitCondition? LastWaitCondition { get; private set; }

    public Exception? StartError { get; set; }

    public Exception? KillError { get; set; }

    public IReadOnlyList<FilesystemChange> ChangeList { get; set; } = [];

    public Task<ContainerCreateResponse> CreateAsync(string? name, string? platform, ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        LastCreate = request;
        Calls.Enqueue($"create name={name ?? "<null>"} platform={platform ?? "<null>"}");
        return request.Image == "missing"
            ? throw EngineException.NotFound("No such image: missing:latest")
            : Task.FromResult(new ContainerCreateResponse { Id = "abc", Warnings = [] });
    }

    public Task StartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("start " + nameOrId);
        Found(nameOrId);
        return StartError is null ? Task.CompletedTask : Task.FromException(StartError);
    }

    public Task StopAsync(string nameOrId, string? signal, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"stop {nameOrId} signal={signal ?? "<null>"} t={timeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "<null>"}");
        Found(nameOrId);
        return Task.CompletedTask;
    }

    public Task RestartAsync(string nameOrId, string? signal, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"restart {nameOrId} signal={signal ?? "<null>"} t={timeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "<null>"}");
        return Task.CompletedTask;
    }

    public Task KillAsync(string nameOrId, string? signal, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"kill {nameOrId} signal={signal ?? "<null>"}");
        Found(nameOrId);
        return KillError is null ? Task.CompletedTask : Task.FromException(KillError);
    }

    public Task PauseAsync(string nameOrId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("pause " + nameOrId);
        return Task.CompletedTask;
    }

    public Task UnpauseAsync(string nameOrId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("unpause " + nameOrId);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string nameOrId, bool force, bool removeVolumes, bool removeLink, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"rm {nameOrId} force={force} v={removeVolumes} link={removeLink}");
        Found(nameOrId);
        return Task.CompletedTask;
    }

    public Task RenameAsync(string nameOrId, string newName, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"rename {nameOrId} {newName}");
        return Task.CompletedTask;
    }

    public Task<ContainerUpdateResponse> UpdateAsync(string nameOrId, ContainerUpdateRequest update, CancellationToken cancellationToken)
    {
        LastUpdate = update;
        Calls.Enqueue("update " + nameOrId);
        return Task.FromResult(new ContainerUpdateResponse { Warnings = null });
    }

    public Task<ContainerWaitResponse> Wait(string nameOrId, WaitCondition condition, CancellationToken cancellationToken)
    {
        Found(nameOrId);
        LastWaitCondition = condition;
        return WaitResult.Task.WaitAsync(cancellationToken);
    }

    public IReadOnlyList<ContainerSummary> List(ContainerListOptions options)
    {
        LastList = options;
        return [new ContainerSummary { Id = "abc", Names = ["/web"], State = "running", Status = "Up 3 seconds" }];
    }

    public ContainerInspect Inspect(string nameOrId, bool size)
    {
        Calls.Enqueue($"inspect {nameOrId} size={size}");
        Found(nameOrId);
        return new ContainerInspect { Id = "abc", Name = "/web", SizeRw = size ? 5 : null };
    }

    public IReadOnlyList<FilesystemChange> Changes(string nameOrId)
    {
        Found(nameOrId);
        return ChangeList;
    }

    public async Task ExportAsync(string nameOrId, Stream output, CancellationToken cancellationToken)
    {
        Found(nameOrId);
        await output.WriteAsync("tar-bytes"u8.ToArray(), cancellationToken);
    }

    public Task<ContainerPruneResponse> PruneAsync(string? filtersJson, CancellationToken cancellationToken)
    {
        Calls.Enqueue("prune " + (filtersJson ?? "<null>"));
        return Task.FromResult(new ContainerPruneResponse { ContainersDeleted = ["abc"], SpaceReclaimed = 12 });
    }

    private static void Found(string nameOrId)
    {
        if (nameOrId == "missing")
        {
            throw EngineException.NotFound("No such container: missing");
        }
    }
}
