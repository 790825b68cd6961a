namespace Wharf.Engine.Runtime;

/// <summary>A connection to the shim of one running container.</summary>
public interface IRuntimeTask : IAsyncDisposable
{
    string ContainerId { get; }

    /// <summary>Host PID of the container's first process.</summary>
    int Pid { get; }

    /// <summary>Completes once the container's process has exited and its output is written to the log; the shim then ends.</summary>
    Task<RuntimeExit> Exited { get; }

    /// <summary>Live output from now on (nothing from before), and stdin when <paramref name="stdin"/> and the container was started with OpenStdin.</summary>
    Task<IRuntimeStream> AttachAsync(bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken);

    /// <summary>Sets the container's terminal size (TTY containers; ignored otherwise).</summary>
    Task ResizeAsync(int height, int width, CancellationToken cancellationToken);

    /// <summary>Sends a signal to the container's first process.</summary>
    Task SignalAsync(int signal, CancellationToken cancellationToken);

    /// <summary>Runs another process in the container (runc exec); returns once it runs, its streams attached as asked.</summary>
    Task<IRuntimeExec> ExecAsync(RuntimeExecSpec spec, CancellationToken cancellationToken);
}
