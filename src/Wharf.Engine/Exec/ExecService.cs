using System.Security.Cryptography;
using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Exec;

/// <summary>
/// The execs of all containers, in memory as in dockerd: an exec stays inspectable after it ended until the collector
/// (every 5 minutes, two passes) drops it; the execs of a container that stops are dropped at once, like dockerd's Cleanup.
/// </summary>
public sealed class ExecService : IExecService, IExecSource, IContainerObserver, IDisposable
{
    /// <summary>dockerd's execCommandGC period.</summary>
    public static readonly TimeSpan CollectionInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ResizeWaitLimit = TimeSpan.FromSeconds(10);

    // The exit code an exec gets when its shim vanished without reporting one.
    private const int LostExitCode = 255;

    private readonly IContainerLookup _containers;
    private readonly IContainerSpecBuilder _specs;
    private readonly IEventPublisher _events;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ExecRecord> _execs = new(StringComparer.Ordinal);
    private readonly ITimer _collector;
    private readonly Action<int> _kill;

    /// <param name="kill">Sends SIGKILL to a host PID; the default kills the process (tests give their own).</param>
    public ExecService(IContainerLookup containers, IContainerSpecBuilder specs, IEventPublisher events, TimeProvider time, Action<int>? kill = null)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        _containers = containers;
        _specs = specs;
        _events = events;
        _kill = kill ?? KillProcess;
        _collector = time.CreateTimer(_ => Collect(), null, CollectionInterval, CollectionInterval);
    }

    public string Create(string containerNameOrId, ExecCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cmd is not { Count: > 0 })
        {
            throw EngineException.InvalidParameter("No exec command specified");
        }

        var container = GetActiveContainer(containerNameOrId);
        var resolved = request with
        {
            User = string.IsNullOrEmpty(request.User) ? container.Config.User : request.User,
            WorkingDir = string.IsNullOrEmpty(request.WorkingDir) ? container.Config.WorkingDir : request.WorkingDir,
        };
        if (!string.IsNullOrEmpty(request.User) && container.SpecContext is { } context)
        {
            // dockerd looks the user up at create, so that a bad -u fails before anything runs.
            try
            {
                _specs.BuildExecProcess(context, resolved);
            }
            catch (EngineException ex) when (ex.Kind != ErrorKind.InvalidParameter)
            {
                throw new EngineException(ErrorKind.InvalidParameter, ex.Message, ex);
            }
        }

        byte[] keys = [];
        if (!string.IsNullOrEmpty(request.DetachKeys) && !DetachKeySequence.TryParse(request.DetachKeys, out keys))
        {
            throw new EngineException(ErrorKind.Internal, $"Invalid escape keys ({request.DetachKeys}) provided");
        }

        var record = new ExecRecord(RandomNumberGenerator.GetHexString(64, lowercase: true), container, resolved, keys);
        lock (_gate)
        {
            _execs[record.Id] = record;
        }

        Publish(record, "exec_create: " + record.CommandLine, new Dictionary<string, string> { ["execID"] = record.Id });
        return record.Id;
    }

    public void EnsureStartable(string execId) => GetStartable(execId);

    public async Task<ExecSession> StartAsync(string execId, ExecStartOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var record = GetStartable(execId);
        lock (record)
        {
            if (record.ExitCode is not null)
            {
                throw EngineException.Conflict($"exec command {record.Id} has already run");
            }

            if (record.Running)
            {
                throw EngineException.Conflict($"exec command {record.Id} is already running");
            }

            record.Running = true;
        }

        Publish(record, "exec_start: " + record.CommandLine, new Dictionary<string, string> { ["execID"] = record.Id });
        IRuntimeExec process;
        try
        {
            process = await StartProcessAsync(record, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (exitCode, error) = ex is EngineException { Kind: ErrorKind.Conflict or ErrorKind.NotFound } engine
                ? (ExecStartFailure.CannotInvoke, engine)
                : ExecStartFailure.Classify(ex);
            RecordFailedStart(record, exitCode);
            throw error;
        }
        catch
        {
            RecordFailedStart(record, ExecStartFailure.CannotInvoke);
            throw;
        }

        // Two holders share the runtime process: the exit watcher and, when attached, the caller's session.
        var holders = options.Attach ? 2 : 1;
        async ValueTask ReleaseAsync()
        {
            if (Interlocked.Decrement(ref holders) == 0)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
        }

        lock (record)
        {
            record.Process = process;
            record.Pid = process.Pid;
        }

        record.Started.TrySetResult();
        _ = WatchExitAsync(record, process, ReleaseAsync);
        return new ExecSession(
            record.Id,
            record.Request.Tty,
            record.Request.AttachStdin,
            record.DetachKeys,
            process.Pid,
            options.Attach ? process.Stream : null,
            record.Exited.Task,
            () => record.Exited.Task.IsCompleted,
            options.Attach ? ReleaseAsync : () => ValueTask.CompletedTask,
            () => Publish(record, "exec_detach", new Dictionary<string, string> { ["execID"] = record.Id }),
            _kill);
    }

    public async Task ResizeAsync(string execId, int height, int width, CancellationToken cancellationToken)
    {
        var record = GetStartable(execId);
        try
        {
            await record.Started.Task.WaitAsync(ResizeWaitLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new EngineException(ErrorKind.Internal, "timeout waiting for exec session ready");
        }

        IRuntimeExec? process;
        lock (record)
        {
            process = record.Process;
        }

        if (process is null)
        {
            throw EngineException.InvalidParameter("exec process is not started");
        }

        await process.ResizeAsync(height, width, cancellationToken).ConfigureAwait(false);
    }

    public ExecInspect Inspect(string execId)
    {
        var record = Find(execId) ?? throw ExecNotFound(execId);
        if (!ContainerExists(record.ContainerId))
        {
            throw ExecNotFound(execId);
        }

        lock (record)
        {
            var request = record.Request;
            return new ExecInspect
            {
                ID = record.Id,
                Running = record.Running,
                ExitCode = record.ExitCode,
                ProcessConfig = new ExecProcessConfig
                {
                    Privileged = request.Privileged,
                    User = request.User,
                    Tty = request.Tty,
                    Entrypoint = record.Entrypoint,
                    Arguments = record.Arguments,
                },
                OpenStdin = request.AttachStdin,
                OpenStdout = request.AttachStdout,
                OpenStderr = request.AttachStderr,
                CanRemove = record.CanRemove,
                ContainerID = record.ContainerId,

                // Go marshals the []byte as base64.
                DetachKeys = Convert.ToBase64String(record.DetachKeys),
                Pid = record.Pid,
            };
        }
    }

    public IReadOnlyList<string>? ExecIds(string containerId)
    {
        lock (_gate)
        {
            var ids = _execs.Values.Where(exec => exec.ContainerId == containerId && IsLive(exec)).Select(exec => exec.Id).ToList();
            return ids.Count == 0 ? null : ids;
        }
    }

    public void OnStarted(ContainerView container)
    {
    }

    /// <summary>dockerd's Cleanup: execs that were still live go away with the run (their inspect answers 404); ended ones stay for the collector.</summary>
    public void OnStopped(string containerId)
    {
        lock (_gate)
        {
            foreach (var exec in _execs.Values.Where(exec => exec.ContainerId == containerId && IsLive(exec)).ToList())
            {
                _execs.Remove(exec.Id);
            }
        }
    }

    public void OnRemoved(string containerId)
    {
        lock (_gate)
        {
            foreach (var id in _execs.Values.Where(exec => exec.ContainerId == containerId).Select(exec => exec.Id).ToList())
            {
                _execs.Remove(id);
            }
        }
    }

    public void Dispose() => _collector.Dispose();

    /// <summary>One pass of dockerd's execCommandGC: drop what the previous pass marked, mark what has ended.</summary>
    internal void Collect()
    {
        lock (_gate)
        {
            foreach (var exec in _execs.Values.ToList())
            {
                lock (exec)
                {
                    if (exec.CanRemove)
                    {
                        _execs.Remove(exec.Id);
                    }
                    else if (!exec.Live)
                    {
                        exec.CanRemove = true;
                    }
                }
            }
        }
    }

    private static bool IsLive(ExecRecord exec)
    {
        lock (exec)
        {
            return exec.Live;
        }
    }

    private static void KillProcess(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone meanwhile.
        }
    }

    private static EngineException ExecNotFound(string execId) => EngineException.NotFound($"No such exec instance: {execId}");

    private async Task<IRuntimeExec> StartProcessAsync(ExecRecord record, ExecStartOptions options, CancellationToken cancellationToken)
    {
        var container = _containers.Get(record.ContainerId);
        var task = _containers.GetTask(container.Id);
        if (task is null || container.SpecContext is null)
        {
            throw EngineException.Conflict($"Container {container.Id} is not running");
        }

        var request = record.Request;
        var processJson = _specs.BuildExecProcess(container.SpecContext, request);
        var consoleSize = options.ConsoleSize ?? request.ConsoleSize;
        int? height = null;
        int? width = null;
        if (request.Tty && consoleSize is { Count: 2 })
        {
            height = consoleSize[0];
            width = consoleSize[1];
        }

        var spec = new RuntimeExecSpec(
            record.Id,
            processJson,
            request.Tty,
            AttachStdin: options.Attach && request.AttachStdin,
            AttachStdout: options.Attach && request.AttachStdout,
            AttachStderr: options.Attach && request.AttachStderr,
            height,
            width);
        return await task.ExecAsync(spec, cancellationToken).ConfigureAwait(false);
    }

    private void RecordFailedStart(ExecRecord record, int exitCode)
    {
        lock (record)
        {
            record.Live = false;
            record.Running = false;
            record.ExitCode ??= exitCode;
        }

        record.Started.TrySetResult();
        record.Exited.TrySetResult(record.ExitCode ?? exitCode);
    }

    private async Task WatchExitAsync(ExecRecord record, IRuntimeExec process, Func<ValueTask> release)
    {
        int exitCode;
        try
        {
            exitCode = await process.Exited.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            exitCode = LostExitCode;
        }

        lock (record)
        {
            record.Live = false;
            record.ExitCode = exitCode;
            record.Running = false;
        }

        try
        {
            Publish(record, "exec_die", new Dictionary<string, string>
            {
                ["execID"] = record.Id,
                ["exitCode"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await release().ConfigureAwait(false);
        }
        finally
        {
            // Last: whoever waits for the exit (the exec start route, then the client's inspect) sees everything settled.
            record.Exited.TrySetResult(exitCode);
        }
    }

    private ExecRecord? Find(string execId)
    {
        lock (_gate)
        {
            return _execs.GetValueOrDefault(execId);
        }
    }

    /// <summary>dockerd's getExecConfig: the exec, provided its container exists and runs.</summary>
    private ExecRecord GetStartable(string execId)
    {
        var record = Find(execId) ?? throw ExecNotFound(execId);
        ContainerView container;
        try
        {
            container = _containers.Get(record.ContainerId);
        }
        catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            throw EngineException.NotFound($"No such container: {execId}");
        }

        EnsureRunning(container, container.Id);
        return record;
    }

    /// <summary>dockerd's getActiveContainer.</summary>
    private ContainerView GetActiveContainer(string nameOrId)
    {
        var container = _containers.Get(nameOrId);
        EnsureRunning(container, nameOrId);
        return container;
    }

    private static void EnsureRunning(ContainerView container, string pausedName)
    {
        if (!container.State.Running)
        {
            throw EngineException.Conflict($"Container {container.Id} is not running");
        }

        if (container.State.Paused)
        {
            throw EngineException.Conflict($"Container {pausedName} is paused, unpause the container before exec");
        }

        if (container.State.Restarting)
        {
            throw EngineException.Conflict($"Container {container.Id} is restarting, wait until the container is running");
        }
    }

    private bool ContainerExists(string containerId)
    {
        try
        {
            _containers.Get(containerId);
            return true;
        }
        catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }

    private void Publish(ExecRecord record, string action, Dictionary<string, string> attributes)
    {
        ContainerView container;
        try
        {
            container = _containers.Get(record.ContainerId);
        }
        catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            container = record.Container;
        }

        _events.Publish("container", action, record.ContainerId, ContainerEventAttributes.For(container, attributes));
    }
}
