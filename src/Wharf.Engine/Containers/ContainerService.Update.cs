using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task RenameAsync(string nameOrId, string newName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        ArgumentNullException.ThrowIfNull(newName);
        if (nameOrId.Length == 0 || newName.Length == 0)
        {
            throw EngineException.InvalidParameter("Neither old nor new names may be empty");
        }

        var entry = Resolve(nameOrId);
        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var oldName = entry.Record.Name;
            var wanted = newName.StartsWith('/') ? newName : "/" + newName;
            if (wanted == oldName)
            {
                throw EngineException.InvalidParameter("Renaming a container with the same name as its current name");
            }

            string normalized;
            try
            {
                normalized = ContainerNames.Normalize(newName);
                lock (_namesGate)
                {
                    if (_names.TryGetValue(normalized, out var holder))
                    {
                        throw NameInUse(normalized, holder);
                    }

                    _names[normalized] = entry.Id;
                }
            }
            catch (EngineException e)
            {
                throw new EngineException(e.Kind, $"Error when allocating new name: {e.Message}", e);
            }

            ContainerRecord renamed;
            try
            {
                renamed = Mutate(entry, r => r with { Name = normalized });
            }
            catch
            {
                ReleaseName(normalized, entry.Id);
                throw;
            }

            ReleaseName(oldName, entry.Id);
            Publish(renamed, "rename", new Dictionary<string, string>(StringComparer.Ordinal) { ["oldName"] = oldName });
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    public async Task<ContainerUpdateResponse> UpdateAsync(string nameOrId, ContainerUpdateRequest update, CancellationToken cancellationToken)
    {
        update = RequestDefaults.Update(update);
        var entry = Resolve(nameOrId);
        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = entry.Record;
            if (entry.RemovalInProgress || record.State.Dead)
            {
                throw new EngineException(ErrorKind.Internal, $"Cannot update container {record.Id}: container is marked for removal and cannot be \"update\"");
            }

            HostConfig updated;
            try
            {
                updated = ApplyUpdate(record.HostConfig, update);
            }
            catch (EngineException e)
            {
                throw new EngineException(e.Kind, $"Cannot update container {record.Id}: {e.Message}", e);
            }

            var warnings = _specs.Validate(record.Config, updated);
            var previous = record.HostConfig;
            var saved = Mutate(entry, r => r with { HostConfig = updated });
            if (update.RestartPolicy is { Name.Length: > 0 } policy)
            {
                lock (entry.Gate)
                {
                    entry.Restart.Update(policy);
                }
            }

            var task = entry.Task;
            if (task is not null && !saved.State.Restarting)
            {
                Exception? failure = null;
                try
                {
                    await _runtime.UpdateAsync(record.Id, _specs.BuildResources(updated), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is EngineException or IOException)
                {
                    failure = e;
                }

                if (failure is not null && !await HasEndedAsync(task).ConfigureAwait(false))
                {
                    Mutate(entry, r => r with { HostConfig = previous });
                    throw new EngineException(ErrorKind.Internal, $"Cannot update container {record.Id}: {failure.Message}", failure);
                }
            }

            Publish(saved, "update");
            return new ContainerUpdateResponse { Warnings = warnings.Count > 0 ? warnings : null };
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    /// <summary>
    /// Whether the run ended (its process exited just as runc was asked to update it): then the saved limits simply
    /// apply from the next start, as for a stopped container. The shim reports an exit a moment after runc sees it.
    /// </summary>
    private static async Task<bool> HasEndedAsync(Runtime.IRuntimeTask task)
    {
        try
        {
            await task.Exited.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception e) when (e is EngineException or IOException or OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>moby's Container.UpdateContainer: the set (non-zero) fields replace the current ones, with its conflict checks.</summary>
    private static HostConfig ApplyUpdate(HostConfig current, ContainerUpdateRequest update)
    {
        if (update.NanoCpus > 0 && current.CpuPeriod > 0)
        {
            throw EngineException.Conflict("Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set");
        }

        if (update.NanoCpus > 0 && current.CpuQuota > 0)
        {
            throw EngineException.Conflict("Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
        }

        if (update.CpuPeriod > 0 && current.NanoCpus > 0)
        {
            throw EngineException.Conflict("Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
        }

        if (update.CpuQuota > 0 && current.NanoCpus > 0)
        {
            throw EngineException.Conflict("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
        }

        if (update.Memory != 0 && update.Memory > current.MemorySwap && update.MemorySwap == 0)
        {
            throw EngineException.Conflict("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
        }

        var policy = current.RestartPolicy;
        if (update.RestartPolicy is { Name.Length: > 0 } requested)
        {
            if (requested.Name != "no" && current.AutoRemove)
            {
                throw EngineException.Conflict("Restart policy cannot be updated because AutoRemove is enabled for the container");
            }

            policy = requested;
        }

        return current with
        {
            BlkioWeight = update.BlkioWeight != 0 ? update.BlkioWeight : current.BlkioWeight,
            CpuShares = update.CpuShares != 0 ? update.CpuShares : current.CpuShares,
            NanoCpus = update.NanoCpus != 0 ? update.NanoCpus : current.NanoCpus,
            CpuPeriod = update.CpuPeriod != 0 ? update.CpuPeriod : current.CpuPeriod,
            CpuQuota = update.CpuQuota != 0 ? update.CpuQuota : current.CpuQuota,
            CpusetCpus = update.CpusetCpus.Length > 0 ? update.CpusetCpus : current.CpusetCpus,
            CpusetMems = update.CpusetMems.Length > 0 ? update.CpusetMems : current.CpusetMems,
            Memory = update.Memory != 0 ? update.Memory : current.Memory,
            MemorySwap = update.MemorySwap != 0 ? update.MemorySwap : current.MemorySwap,
            MemoryReservation = update.MemoryReservation != 0 ? update.MemoryReservation : current.MemoryReservation,
            CpuRealtimePeriod = update.CpuRealtimePeriod != 0 ? update.CpuRealtimePeriod : current.CpuRealtimePeriod,
            CpuRealtimeRuntime = update.CpuRealtimeRuntime != 0 ? update.CpuRealtimeRuntime : current.CpuRealtimeRuntime,
            PidsLimit = update.PidsLimit ?? current.PidsLimit,
            RestartPolicy = policy,
        };
    }
}
