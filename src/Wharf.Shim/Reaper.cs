using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>
/// The only place that reaps children: one thread blocked in waitpid(-1). As child subreaper the shim inherits the
/// container's init (and anything orphaned below it), so statuses arrive for pids it never spawned; they are kept
/// until someone asks, because init or an exec may exit before its pid file has even been read.
/// </summary>
internal sealed class Reaper
{
    private const int MaxUnclaimed = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, TaskCompletionSource<int>> _waiters = [];
    private readonly Dictionary<int, int> _unclaimed = [];
    private readonly Queue<int> _unclaimedOrder = new();
    private readonly AutoResetEvent _childSpawned = new(false);

    public void Start() => ShimThreads.Start("reaper", Loop);

    /// <summary>Wakes the reaper after a spawn, in case it found no children and went to sleep.</summary>
    public void ChildSpawned() => _childSpawned.Set();

    /// <summary>The pid's exit code (128 + signal when killed), now if it was already reaped.</summary>
    public Task<int> WaitForExit(int pid)
    {
        lock (_lock)
        {
            if (_unclaimed.Remove(pid, out var code))
            {
                return Task.FromResult(code);
            }

            if (!_waiters.TryGetValue(pid, out var waiter))
            {
                waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[pid] = waiter;
            }

            return waiter.Task;
        }
    }

    private void Loop()
    {
        while (true)
        {
            int pid;
            int status;
            try
            {
                if (!ProcessControl.WaitAnyChild(out pid, out status))
                {
                    _childSpawned.WaitOne();
                    continue;
                }
            }
            catch (IOException exception)
            {
                ShimLog.Write($"waitpid: {exception.Message}");
                Thread.Sleep(10);
                continue;
            }

            Dispatch(pid, ProcessControl.ExitCodeOf(status));
        }
    }

    private void Dispatch(int pid, int code)
    {
        TaskCompletionSource<int>? waiter;
        lock (_lock)
        {
            if (!_waiters.Remove(pid, out waiter))
            {
                while (_unclaimed.Count >= MaxUnclaimed && _unclaimedOrder.TryDequeue(out var oldest))
                {
                    _unclaimed.Remove(oldest);
                }

                _unclaimed[pid] = code;
                _unclaimedOrder.Enqueue(pid);
            }
        }

        waiter?.TrySetResult(code);
    }
}
