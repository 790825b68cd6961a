using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>An exec process whose output and exit the test scripts.</summary>
internal sealed class ScriptedExec : IRuntimeExec
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedExec(RuntimeExecSpec spec, int pid)
    {
        Spec = spec;
        Pid = pid;
    }

    public RuntimeExecSpec Spec { get; }

    public int Pid { get; }

    public Task<int> Exited => _exited.Task;

    public ScriptedStream Output { get; } = new();

    public IRuntimeStream Stream => Output;

    public void Exit(int code)
    {
        Output.End();
        _exited.TrySetResult(code);
    }

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
