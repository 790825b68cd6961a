using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>A running container: attaches hand out <see cref="Attached"/>; execs are scripted by <see cref="OnExec"/>.</summary>
internal sealed class ScriptedTask : IRuntimeTask
{
    private int _nextPid = int.MaxValue - 100_000;

    public ScriptedTask(string containerId)
    {
        ContainerId = containerId;
    }

    public string ContainerId { get; }

    public int Pid => int.MaxValue - 1;

    public Task<RuntimeExit> Exited { get; } = new TaskCompletionSource<RuntimeExit>().Task;

    public ScriptedStream Attached { get; set; } = new();

    public List<(int Height, int Width)> Resizes { get; } = [];

    public List<ScriptedExec> Execs { get; } = [];

    public Action<ScriptedExec>? OnExec { get; set; }

    public Task<IRuntimeStream> AttachAsync(bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        Task.FromResult<IRuntimeStream>(Attached);

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken)
    {
        Resizes.Add((height, width));
        return Task.CompletedTask;
    }

    public Task SignalAsync(int signal, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IRuntimeExec> ExecAsync(RuntimeExecSpec spec, CancellationToken cancellationToken)
    {
        var exec = new ScriptedExec(spec, Interlocked.Increment(ref _nextPid));
        lock (Execs)
        {
            Execs.Add(exec);
        }

        OnExec?.Invoke(exec);
        return Task.FromResult<IRuntimeExec>(exec);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
