using System.Globalization;
using Wharf.Api;
using Wharf.Api.Time;
using Wharf.Engine.Content;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Images;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private static readonly string[] PruneFilterKeys = ["label", "label!", "until"];

    public async Task RemoveAsync(string nameOrId, bool force, bool removeVolumes, bool removeLink, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        if (removeLink)
        {
            // Legacy links do not exist here; dockerd answers this for a name that is not a link.
            throw EngineException.Conflict("Conflict, cannot remove the default link name of the container");
        }

        await RemoveEntryAsync(entry, force, cancellationToken, nameOrId).ConfigureAwait(false);
    }

    public async Task<ContainerPruneResponse> PruneAsync(string? filtersJson, CancellationToken cancellationToken)
    {
        var filters = ImageFilters.Parse(filtersJson, PruneFilterKeys);
        var until = PruneUntil(filters);
        var deleted = new List<string>();
        var reclaimed = 0L;
        foreach (var entry in _containers.Values.OrderBy(e => e.Record.Created).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = entry.Record;
            if (entry.Removed || record.State.Running || record.Created > until)
            {
                continue;
            }

            var labels = record.Config.Labels;
            if (!filters.LabelsMatch("label", labels) || (filters.Contains("label!") && !filters.LabelsMatch("label!", labels, negate: true)))
            {
                continue;
            }

            var size = SizeOf(_paths.UpperDirectory(record.Id));
            try
            {
                await RemoveEntryAsync(entry, force: false, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineException e)
            {
                ContainerLog.PruneFailed(_logger, record.Id, e.Message);
                continue;
            }

            deleted.Add(record.Id);
            reclaimed += size;
        }

        _events.Publish(EventType, "prune", "", new Dictionary<string, string>(StringComparer.Ordinal) { ["reclaimed"] = reclaimed.ToString(CultureInfo.InvariantCulture) });
        return new ContainerPruneResponse { ContainersDeleted = deleted.Count > 0 ? deleted : null, SpaceReclaimed = reclaimed };
    }

    /// <summary>
    /// moby's ContainerRm: refuse a running container unless forced (then kill it), mark it dead, then unmount, clean
    /// the runtime's state, delete the directory (rw layer and logs), release the image layer and delete the row last,
    /// so a crash at any step leaves what the start-up reconcile finishes.
    /// </summary>
    private async Task RemoveEntryAsync(ContainerEntry entry, bool force, CancellationToken cancellationToken, string? nameOrId = null)
    {
        lock (entry.Gate)
        {
            if (entry.Removed)
            {
                throw NoSuchContainer(nameOrId ?? entry.Id);
            }

            if (entry.RemovalInProgress)
            {
                throw EngineException.Conflict($"removal of container {nameOrId ?? entry.Id} is already in progress");
            }

            entry.RemovalInProgress = true;
        }

        var removed = false;
        try
        {
            var state = entry.Record.State;
            if (state.Running)
            {
                if (!force)
                {
                    var word = ContainerStatusText.StateWord(state, removalInProgress: false);
                    var procedure = word == ContainerStatusText.Paused
                        ? "Unpause and then stop the container before attempting removal or force remove"
                        : "Stop the container before attempting removal or force remove";
                    throw EngineException.Conflict($"You cannot remove a {word} container {entry.Id}. {procedure}");
                }

                try
                {
                    await KillAndWaitAsync(entry).ConfigureAwait(false);
                }
                catch (EngineException e) when (e.Kind != ErrorKind.Conflict)
                {
                    throw new EngineException(e.Kind, $"Could not kill running container {entry.Id}, cannot remove - {e.Message}", e);
                }
            }

            await entry.Operations.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (entry.Record.State.Running && entry.Task is not null)
                {
                    // Started again meanwhile (a restart that slipped in before the kill): not ours to take down now.
                    throw EngineException.Conflict($"You cannot remove a running container {entry.Id}. Stop the container before attempting removal or force remove");
                }

                await DeleteContainerAsync(entry).ConfigureAwait(false);
                removed = true;
            }
            finally
            {
                entry.Operations.Release();
            }
        }
        finally
        {
            if (!removed)
            {
                lock (entry.Gate)
                {
                    entry.RemovalInProgress = false;
                }
            }
        }

        var record = entry.Record;
        Publish(record, "destroy");
        Notify(o => o.OnRemoved(record.Id));
        entry.SignalRemoved();
    }

    private async Task DeleteContainerAsync(ContainerEntry entry)
    {
        List<PendingAttach> attaches;
        lock (entry.Gate)
        {
            entry.PendingRestart?.Cancel();
            attaches = [.. entry.PendingAttaches];
            entry.PendingAttaches.Clear();
        }

        foreach (var attach in attaches)
        {
            attach.Stream.TrySetException(NoSuchContainer(entry.Id));
        }

        var record = Mutate(entry, r => r with { State = r.State with { Dead = true, Running = false, Restarting = false, Paused = false, Pid = 0 } });
        await Task.Run(() =>
        {
            lock (entry.MountGate)
            {
                entry.ClearMountUsers();
                ContainerRootfs.UnmountAll(_paths.Directory(record.Id));
            }
        }).ConfigureAwait(false);
        await CleanupRuntimeAsync(record.Id).ConfigureAwait(false);
        await Task.Run(() => DeleteDirectory(_paths.Directory(record.Id))).ConfigureAwait(false);
        if (record.LayerChainId is not null && _layers.Get(Digest.Parse(record.LayerChainId)) is not null)
        {
            _layers.Release(Digest.Parse(record.LayerChainId));
        }

        lock (entry.Gate)
        {
            _table.Delete(record.Id);
            entry.Removed = true;
            entry.RemovalInProgress = false;
        }

        _containers.TryRemove(record.Id, out _);
        ReleaseName(record.Name, record.Id);
    }

    /// <summary>Deletes a container's directory, refusing while anything is still mounted below it (it would reach into the mount).</summary>
    private static void DeleteDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var mounted = MountTable.MountPointsUnder(directory);
        if (mounted.Count > 0)
        {
            throw new EngineException(ErrorKind.Internal, $"unable to remove filesystem for {Path.GetFileName(directory)}: {mounted[0]} is still mounted");
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorKind.Internal, $"unable to remove filesystem for {Path.GetFileName(directory)}: {e.Message}", e);
        }
    }

    /// <summary>The total size of the files in a tree (hard links once), as moby's directory.Size.</summary>
    private static long SizeOf(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var seen = new HashSet<ulong>();
        var size = 0L;
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateFileSystemEntries(current).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var child in children)
            {
                var status = Wharf.Linux.FileStatusReader.TryGet(child);
                if (status is null)
                {
                    continue;
                }

                if (status.IsDirectory)
                {
                    pending.Push(child);
                    continue;
                }

                if (status.LinkCount > 1 && !seen.Add(status.Inode))
                {
                    continue;
                }

                size += status.Size;
            }
        }

        return size;
    }

    private DateTimeOffset PruneUntil(ImageFilters filters)
    {
        var now = _time.GetLocalNow();
        var until = DateTimeOffset.MaxValue;
        foreach (var value in filters.Get("until"))
        {
            string timestamp;
            try
            {
                timestamp = GoTimestamp.GetTimestamp(value, now);
            }
            catch (FormatException e)
            {
                throw EngineException.InvalidParameter(e.Message);
            }

            var parsed = DockerTimestamp.Parse(timestamp);
            if (parsed < until)
            {
                until = parsed;
            }
        }

        return until;
    }
}
