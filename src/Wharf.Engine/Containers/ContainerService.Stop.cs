using System.Globalization;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private const int DefaultStopTimeoutSeconds = 10;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SignalFailureWait = TimeSpan.FromSeconds(2);

    public async Task StopAsync(string nameOrId, string? signal, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        if (!entry.Record.State.Running)
        {
            throw new EngineException(ErrorKind.NotModified, "container is already stopped");
        }

        try
        {
            await StopCoreAsync(entry, signal, timeoutSeconds).ConfigureAwait(false);
        }
        catch (EngineException e) when (e.Kind != ErrorKind.InvalidParameter)
        {
            throw new EngineException(e.Kind, $"cannot stop container: {nameOrId}: {e.Message}", e);
        }
    }

    public async Task RestartAsync(string nameOrId, string? signal, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        try
        {
            if (entry.Record.State.Running)
            {
                lock (entry.Gate)
                {
                    entry.ManuallyRestarted = true;
                }

                await StopCoreAsync(entry, signal, timeoutSeconds).ConfigureAwait(false);
            }

            await entry.Operations.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (entry.Removed || entry.RemovalInProgress || entry.Record.State.Dead)
                {
                    throw EngineException.Conflict("container is marked for removal and cannot be started");
                }

                if (!entry.Record.State.Running)
                {
                    await StartCoreAsync(entry, manual: true).ConfigureAwait(false);
                }
            }
            finally
            {
                entry.Operations.Release();
            }
        }
        catch (EngineException e) when (e.Kind != ErrorKind.InvalidParameter)
        {
            throw new EngineException(e.Kind, $"Cannot restart container {nameOrId}: {e.Message}", e);
        }

        Publish(entry.Record, "restart");
    }

    public async Task KillAsync(string nameOrId, string? signal, CancellationToken cancellationToken)
    {
        var number = string.IsNullOrEmpty(signal) ? Signals.Kill : Signals.ParseForKill(signal);
        var entry = Resolve(nameOrId);
        if (number == Signals.Kill)
        {
            await KillAndWaitAsync(entry).ConfigureAwait(false);
        }
        else
        {
            await KillWithSignalAsync(entry, number).ConfigureAwait(false);
        }
    }

    public async Task PauseAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = entry.Record.State;
            if (!state.Running)
            {
                throw NotRunning(entry.Id);
            }

            if (state.Paused)
            {
                throw EngineException.Conflict($"Container {entry.Id} is already paused");
            }

            if (state.Restarting || entry.Task is null)
            {
                throw EngineException.Conflict($"Container {entry.Id} is restarting, wait until the container is running");
            }

            try
            {
                await _runtime.PauseAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is EngineException or IOException)
            {
                throw new EngineException(ErrorKind.Internal, $"Cannot pause container {entry.Id}: {e.Message}", e);
            }

            Publish(Mutate(entry, r => r with { State = r.State with { Paused = true } }), "pause");
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    public async Task UnpauseAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!entry.Record.State.Paused)
            {
                throw EngineException.Conflict($"Container {entry.Id} is not paused");
            }

            try
            {
                await _runtime.ResumeAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is EngineException or IOException)
            {
                throw new EngineException(ErrorKind.Internal, $"Cannot unpause container {entry.Id}: {e.Message}", e);
            }

            Publish(Mutate(entry, r => r with { State = r.State with { Paused = false } }), "unpause");
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    /// <summary>moby's containerStop: the stop signal, a grace period, then SIGKILL; the "stop" event once it is down.</summary>
    private async Task StopCoreAsync(ContainerEntry entry, string? signal, int? timeoutSeconds)
    {
        var config = entry.Record.Config;
        var number = !string.IsNullOrEmpty(signal) ? Signals.Parse(signal)
            : !string.IsNullOrEmpty(config.StopSignal) ? Signals.Parse(config.StopSignal)
            : Signals.Term;
        var timeout = timeoutSeconds ?? config.StopTimeout ?? DefaultStopTimeoutSeconds;
        TimeSpan? wait = timeout >= 0 ? TimeSpan.FromSeconds(timeout) : null;
        EngineException? signalError = null;
        try
        {
            await KillWithSignalAsync(entry, number).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            signalError = e;
            wait = SignalFailureWait;
        }

        if (await WaitNotRunningAsync(entry, wait).ConfigureAwait(false))
        {
            Publish(entry.Record, "stop");
            return;
        }

        if (timeout < 0 && signalError is not null)
        {
            throw signalError;
        }

        await KillAndWaitAsync(entry).ConfigureAwait(false);
        Publish(entry.Record, "stop");
    }

    /// <summary>moby's Kill: SIGKILL, then wait for the exit to be recorded.</summary>
    private async Task KillAndWaitAsync(ContainerEntry entry)
    {
        if (!entry.Record.State.Running)
        {
            throw NotRunning(entry.Id);
        }

        try
        {
            await KillWithSignalAsync(entry, Signals.Kill).ConfigureAwait(false);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.Conflict)
        {
            return;
        }

        if (!await WaitNotRunningAsync(entry, KillWait).ConfigureAwait(false))
        {
            throw new EngineException(ErrorKind.Internal, "tried to kill container, but did not receive an exit event");
        }
    }

    /// <summary>
    /// moby's killWithSignal: marks the container manually stopped, cancels its restart when the signal is the one
    /// that stops it (or SIGKILL, or any signal when it has no StopSignal), sends the signal (none while it restarts:
    /// cancelling is enough), thaws a paused container so that it can act on it, and logs "kill".
    /// </summary>
    private async Task KillWithSignalAsync(ContainerEntry entry, int signal)
    {
        IRuntimeTask? task;
        bool unpause;
        bool restarting;
        lock (entry.Gate)
        {
            var record = entry.Record;
            if (!record.State.Running)
            {
                throw NotRunning(entry.Id);
            }

            var exits = signal == Signals.Kill || string.IsNullOrEmpty(record.Config.StopSignal) || Signals.Parse(record.Config.StopSignal) == signal;
            unpause = false;
            if (exits)
            {
                entry.Restart.Cancel();
                entry.PendingRestart?.Cancel();
                unpause = record.State.Paused;
            }

            task = entry.Task;
            restarting = record.State.Restarting;
        }

        if (!_shuttingDown)
        {
            Mutate(entry, r => r with { HasBeenManuallyStopped = true });
        }

        if (restarting || task is null)
        {
            return;
        }

        try
        {
            await task.SignalAsync(signal, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EngineException or IOException or ObjectDisposedException)
        {
            // "not running" from the shim: the process exited a moment ago and its exit is on its way to us.
            if (!task.Exited.IsCompleted && e is not EngineException { Kind: ErrorKind.Conflict })
            {
                throw new EngineException(ErrorKind.Internal, $"Cannot kill container {entry.Id}: {e.Message}", e);
            }

            // The process is gone already; its exit is being recorded.
            unpause = false;
        }

        if (unpause)
        {
            try
            {
                await _runtime.ResumeAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
                Publish(Mutate(entry, r => r with { State = r.State with { Paused = false } }), "unpause");
            }
            catch (Exception e) when (e is EngineException or IOException)
            {
                ContainerLog.CleanupFailed(_logger, entry.Id, e.Message);
            }
        }

        Publish(entry.Record, "kill", new Dictionary<string, string>(StringComparer.Ordinal) { ["signal"] = signal.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>Waits for dockerd's "not running" (the next stop or restart when it runs); false when <paramref name="timeout"/> passed.</summary>
    private static async Task<bool> WaitNotRunningAsync(ContainerEntry entry, TimeSpan? timeout)
    {
        Task stopped;
        lock (entry.Gate)
        {
            if (!entry.Record.State.Running)
            {
                return true;
            }

            stopped = entry.Stopped;
        }

        if (timeout is null)
        {
            await stopped.ConfigureAwait(false);
            return true;
        }

        try
        {
            await stopped.WaitAsync(timeout.Value).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static EngineException NotRunning(string id) => EngineException.Conflict($"Container {id} is not running");
}
