namespace Wharf.Engine.Runtime;

/// <summary>A process started by <see cref="IRuntimeTask.ExecAsync"/>.</summary>
public interface IRuntimeExec : IAsyncDisposable
{
    int Pid { get; }

    /// <summary>Its exit code (127 not found and 126 not executable as a shell reports them; runc's own failure surfaces from ExecAsync).</summary>
    Task<int> Exited { get; }

    /// <summary>The attached streams; ends after the process exited and its output was delivered.</summary>
    IRuntimeStream Stream { get; }

    Task ResizeAsync(int height, int width, CancellationToken cancellationToken);
}
