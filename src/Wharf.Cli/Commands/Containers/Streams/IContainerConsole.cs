namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>
/// The process's standard streams as raw bytes, plus what the attaching commands need of the terminal: raw mode,
/// its size, and signals. Container output is binary and goes to these streams, not through text writers.
/// Tests substitute their own.
/// </summary>
public interface IContainerConsole
{
    bool IsInputTerminal { get; }

    bool IsOutputTerminal { get; }

    Stream Output { get; }

    Stream Error { get; }

    /// <summary>Rows and columns of the output terminal; (0, 0) when it is none (docker's GetTtySize).</summary>
    (int Height, int Width) OutputSize { get; }

    /// <summary>Standard input as raw bytes. Reads may block until the process ends.</summary>
    Stream OpenInput();

    /// <summary>Raw mode for a terminal on stdin (nothing otherwise); disposing restores the previous settings.</summary>
    IDisposable MakeInputRaw();

    /// <summary>Calls <paramref name="resized"/> on SIGWINCH until disposed.</summary>
    IDisposable OnResize(Action resized);

    /// <summary>
    /// Catches the signals docker's CLI forwards to a container (all but SIGCHLD, SIGPIPE and the fatal ones) and hands
    /// their names ("INT", "TERM"…) to <paramref name="forward"/> instead of acting on them, until disposed.
    /// </summary>
    IDisposable CatchSignals(Action<string> forward);
}
