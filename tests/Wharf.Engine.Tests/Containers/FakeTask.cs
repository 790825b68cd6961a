using System.Collections.Concurrent;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Containers;

/// <summary>A running container of <see cref="FakeRuntime"/>: a signal it does not ignore makes it exit with 128+signal.</summary>
public sealed class FakeTask : IRuntimeTask
{
    private readonly TaskCompletionSource<RuntimeExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<int> _ignored;

    public FakeTask(string containerId, int pid, IEnumerable<int> ignoredSignals)
    {
        ContainerId = containerId;
        Pid = pid;
        _ignored = [.. ignoredSignals];
    }

    public string ContainerId { get; }

    public int Pid { get; }

    public Task<RuntimeExit> Exited => _exited.Task;

    public ConcurrentQueue<int> Signals { get; } = new();

    public bool Disposed { get; private set; }

    public void Exit(int code, bool oomKilled = false) => _exited.TrySetResult(new RuntimeExit(code, DateTimeOffset.UtcNow, oomKilled));

    public Task<IRuntimeStream> AttachAsync(bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        Task.FromResult<IRuntimeStream>(new FakeStream());

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SignalAsync(int signal, CancellationToken cancellationToken)
    {
        Signals.Enqueue(signal);
        if (_exited.Task.IsCompleted)
        {
            throw new IOException("no such process");
        }

        if (!_ignored.Contains(signal))
        {
            Exit(128 + signal);
        }

        return Task.CompletedTask;
    }

    public Task<IRuntimeExec> ExecAsync(RuntimeExecSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
