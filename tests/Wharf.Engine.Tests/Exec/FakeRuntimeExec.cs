using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Exec;

/// <summary>A started exec whose exit the test decides.</summary>
public sealed class FakeRuntimeExec : IRuntimeExec
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeRuntimeExec(RuntimeExecSpec spec, int pid)
    {
        Spec = spec;
        Pid = pid;
    }

    public RuntimeExecSpec Spec { get; }

    public int Pid { get; }

    public Task<int> Exited => _exited.Task;

    public FakeRuntimeStream Output { get; } = new();

    public IRuntimeStream Stream => Output;

    public List<(int Height, int Width)> Resizes { get; } = [];

    public bool Disposed { get; private set; }

    /// <summary>Ends the output, then the process.</summary>
    public void Exit(int code)
    {
        Output.End();
        _exited.TrySetResult(code);
    }

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken)
    {
        Resizes.Add((height, width));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
