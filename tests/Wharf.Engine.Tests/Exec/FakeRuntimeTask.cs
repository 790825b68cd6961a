using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Exec;

/// <summary>A running container's task: records execs; <see cref="ExecFailure"/> makes the next exec fail the way runc does.</summary>
public sealed class FakeRuntimeTask : IRuntimeTask
{
    // Far above any real pid_max, so that nothing on the host is ever addressed by mistake.
    private int _nextPid = int.MaxValue - 100_000;

    public FakeRuntimeTask(string containerId, int pid = 42)
    {
        ContainerId = containerId;
        Pid = pid;
    }

    public string ContainerId { get; }

    public int Pid { get; }

    public Task<RuntimeExit> Exited { get; } = new TaskCompletionSource<RuntimeExit>().Task;

    public List<FakeRuntimeExec> Execs { get; } = [];

    public string? ExecFailure { get; set; }

    /// <summary>Called with each new exec, e.g. to script its output and exit.</summary>
    public Action<FakeRuntimeExec>? OnExec { get; set; }

    public Task<IRuntimeStream> AttachAsync(bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        Task.FromResult<IRuntimeStream>(new FakeRuntimeStream());

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SignalAsync(int signal, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IRuntimeExec> ExecAsync(RuntimeExecSpec spec, CancellationToken cancellationToken)
    {
        if (ExecFailure is { } failure)
        {
            throw EngineException.InvalidParameter(failure);
        }

        var exec = new FakeRuntimeExec(spec, Interlocked.Increment(ref _nextPid));
        lock (Execs)
        {
            Execs.Add(exec);
        }

        OnExec?.Invoke(exec);
        return Task.FromResult<IRuntimeExec>(exec);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
