using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

/// <summary>
/// A container in memory: its current record (replaced whole, read without locks), the connection to its shim while
/// it runs, its restart manager, and the signals waiters use. <see cref="Operations"/> serialises the state-changing
/// operations (start, exit handling, pause, update, rename, the final part of removal); <see cref="Gate"/> guards the
/// fields below for short moments and is never held across a runtime call.
/// </summary>
internal sealed class ContainerEntry
{
    private TaskCompletionSource _stopped = NewSignal();
    private TaskCompletionSource _removed = NewSignal();
    private int _mountUsers;

    public ContainerEntry(ContainerRecord record)
    {
        Record = record;
        Restart = new RestartManager(record.HostConfig.RestartPolicy);
    }

    public string Id => Record.Id;

    public SemaphoreSlim Operations { get; } = new(1, 1);

    public Lock Gate { get; } = new();

    /// <summary>Also guards the rootfs mount count.</summary>
    public Lock MountGate { get; } = new();

    public ContainerRecord Record { get; set; }

    public IRuntimeTask? Task { get; set; }

    public RestartManager Restart { get; set; }

    public bool RemovalInProgress { get; set; }

    /// <summary>Removed from the service; every later operation finds nothing.</summary>
    public bool Removed { get; set; }

    /// <summary>dockerd's HasBeenManuallyRestarted: the exit caused by <c>docker restart</c> does not auto-remove.</summary>
    public bool ManuallyRestarted { get; set; }

    /// <summary>What the current run was started with (exec builds its processes from it).</summary>
    public ContainerSpecContext? SpecContext { get; set; }

    /// <summary>The interface (eth0, eth1…) of each network the running container has an endpoint on, by network ID.</summary>
    public Dictionary<string, string> Interfaces { get; } = new(StringComparer.Ordinal);

    /// <summary>The resolvers the embedded DNS forwards to for this run; null until the first forwarded query.</summary>
    public IReadOnlyList<System.Net.IPEndPoint>? DnsUpstreams { get; set; }

    /// <summary>Cancels the back-off before a restart (a stop, kill or rm while restarting).</summary>
    public CancellationTokenSource? PendingRestart { get; set; }

    /// <summary>Attach requests waiting for the next start (guarded by <see cref="Gate"/>).</summary>
    public List<PendingAttach> PendingAttaches { get; } = [];

    /// <summary>Completes at the next stop or restart (dockerd's waitStop), then is replaced.</summary>
    public Task Stopped
    {
        get
        {
            lock (Gate)
            {
                return _stopped.Task;
            }
        }
    }

    /// <summary>Completes when the container is removed (or its removal failed), then is replaced.</summary>
    public Task RemovedSignal
    {
        get
        {
            lock (Gate)
            {
                return _removed.Task;
            }
        }
    }

    public void SignalStopped()
    {
        TaskCompletionSource fired;
        lock (Gate)
        {
            fired = _stopped;
            _stopped = NewSignal();
        }

        fired.TrySetResult();
    }

    public void SignalRemoved()
    {
        TaskCompletionSource fired;
        lock (Gate)
        {
            fired = _removed;
            _removed = NewSignal();
        }

        fired.TrySetResult();
    }

    /// <summary>Counts a user of the rootfs mount; true when it is the first (the caller mounts).</summary>
    public bool AddMountUser() => ++_mountUsers == 1;

    /// <summary>Drops a user of the rootfs mount; true when it was the last (the caller unmounts).</summary>
    public bool RemoveMountUser()
    {
        if (_mountUsers == 0)
        {
            return false;
        }

        return --_mountUsers == 0;
    }

    public void ClearMountUsers() => _mountUsers = 0;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
