using Wharf.Engine.Content;
using Wharf.Engine.Errors;
using Wharf.Engine.Layers;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Start-up (live restore and crash repair); call once, after the image service's reconcile (whose layer recount
    /// counts the containers' references) and before serving requests. Finishes removals a crash interrupted;
    /// reconnects to the shims of running containers and records the exits of those that ended while wharfd was down
    /// (255 when no exit was recorded); cleans runtime state, mounts and directories that belong to no container;
    /// removes stopped --rm containers; and starts the containers whose restart policy says so.
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var record in _table.All())
        {
            if (record.State.Dead)
            {
                await FinishRemovalAsync(record).ConfigureAwait(false);
                continue;
            }

            var entry = new ContainerEntry(record);
            _containers[record.Id] = entry;
            lock (_namesGate)
            {
                _names[record.Name] = record.Id;
            }
        }

        await RemoveLeftoversAsync().ConfigureAwait(false);
        var exitedWhileDown = new List<(ContainerEntry Entry, RuntimeExit? Exit)>();
        foreach (var entry in _containers.Values.Where(e => e.Record.State.Running).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await ReconnectAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                // Read before the cleanup below removes the state dir the shim wrote it to.
                exitedWhileDown.Add((entry, _runtime.ReadRecordedExit(entry.Id)));
            }
        }

        var stateIds = _runtime.ListStates().ToHashSet(StringComparer.Ordinal);
        foreach (var entry in _containers.Values.Where(e => e.Task is null))
        {
            // Nothing of a container that does not run stays mounted or known to the runtime.
            ContainerRootfs.UnmountAll(_paths.ShmDirectory(entry.Id));
            _rootfs.Unmount(entry.Id);
            if (stateIds.Contains(entry.Id))
            {
                await CleanupRuntimeAsync(entry.Id).ConfigureAwait(false);
            }
        }

        foreach (var (entry, exit) in exitedWhileDown)
        {
            var previous = entry.Record.State;
            var recorded = Mutate(entry, r => r with
            {
                State = r.State with
                {
                    Running = false,
                    Restarting = false,
                    Paused = false,
                    Pid = 0,
                    ExitCode = exit?.ExitCode ?? (previous.Restarting ? previous.ExitCode : 255),
                    FinishedAt = exit?.FinishedAt ?? previous.FinishedAt ?? _time.GetUtcNow(),
                    OomKilled = exit?.OomKilled ?? previous.OomKilled,
                    Error = exit is null && !previous.Restarting ? "container exited while the daemon was down and its exit status was lost" : previous.Error,
                },
            });
            ContainerLog.ExitedWhileDown(_logger, entry.Id, recorded.State.ExitCode);
            entry.SignalStopped();
        }

        RestoreNetworking();

        foreach (var entry in _containers.Values.Where(e => e.Task is null).OrderBy(e => e.Record.Created).ToList())
        {
            var record = entry.Record;
            if (record.HostConfig.AutoRemove)
            {
                await AutoRemoveAsync(entry).ConfigureAwait(false);
                continue;
            }

            var manager = new RestartManager(record.HostConfig.RestartPolicy);
            var ranFor = (record.State.FinishedAt ?? _time.GetUtcNow()) - (record.State.StartedAt ?? _time.GetUtcNow());
            if (!record.HasBeenStartedBefore || !manager.ShouldRestart(record.State.ExitCode, record.HasBeenManuallyStopped, ranFor, record.RestartCount).Restart)
            {
                continue;
            }

            await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await StartCoreAsync(entry, manual: true).ConfigureAwait(false);
            }
            catch (EngineException e)
            {
                ContainerLog.AutoStartFailed(_logger, entry.Id, e.Message);
            }
            finally
            {
                entry.Operations.Release();
            }
        }
    }

    private async Task<bool> ReconnectAsync(ContainerEntry entry, CancellationToken cancellationToken)
    {
        IRuntimeTask? task;
        try
        {
            task = await _runtime.ReconnectAsync(entry.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EngineException or IOException)
        {
            ContainerLog.ShimLost(_logger, entry.Id, e.Message);
            task = null;
        }

        if (task is null)
        {
            return false;
        }

        var record = Mutate(entry, r => r with { State = r.State with { Running = true, Restarting = false, Pid = task.Pid } });
        ContainerSpecContext? context = null;
        try
        {
            context = BuildSpecContext(record, _paths.MergedDirectory(record.Id));
        }
        catch (EngineException)
        {
            // A container: mode whose donor is gone; exec then has no context, as for a container that does not run.
        }

        lock (entry.MountGate)
        {
            entry.AddMountUser();
        }

        lock (entry.Gate)
        {
            entry.Task = task;
            entry.SpecContext = context;
        }

        ContainerLog.Reconnected(_logger, entry.Id, task.Pid);
        _ = MonitorAsync(entry, task);
        var view = ToView(entry);
        Notify(o => o.OnStarted(view));
        return true;
    }

    /// <summary>Runtime state, mounts and directories of containers that have no row (a crash between their steps).</summary>
    private async Task RemoveLeftoversAsync()
    {
        foreach (var id in _runtime.ListStates())
        {
            if (!_containers.ContainsKey(id))
            {
                await CleanupRuntimeAsync(id).ConfigureAwait(false);
                ContainerLog.RemovedLeftover(_logger, "runtime state of", id);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(_paths.ContainersRoot))
        {
            if (_containers.ContainsKey(Path.GetFileName(directory)))
            {
                continue;
            }

            ContainerRootfs.UnmountAll(directory);
            try
            {
                DeleteDirectory(directory);
                ContainerLog.RemovedLeftover(_logger, "container directory", directory);
            }
            catch (EngineException e)
            {
                ContainerLog.CleanupFailed(_logger, Path.GetFileName(directory), e.Message);
            }
        }
    }

    /// <summary>The rest of a removal that a crash interrupted (the row is marked dead, whatever else is left goes now).</summary>
    private async Task FinishRemovalAsync(ContainerRecord record)
    {
        var directory = _paths.Directory(record.Id);
        ContainerRootfs.UnmountAll(directory);
        await CleanupRuntimeAsync(record.Id).ConfigureAwait(false);
        try
        {
            DeleteDirectory(directory);
        }
        catch (EngineException e)
        {
            ContainerLog.CleanupFailed(_logger, record.Id, e.Message);
            return;
        }

        if (record.LayerChainId is not null && _layers.Get(Digest.Parse(record.LayerChainId)) is not null)
        {
            _layers.Release(Digest.Parse(record.LayerChainId));
        }

        _table.Delete(record.Id);
    }
}
