using Wharf.Engine.Runtime;

namespace Wharf.Engine.Exec;

/// <summary>A started exec as its caller sees it: the attached streams (null when detached) and its end. Dispose once done with the streams.</summary>
public sealed class ExecSession : IAsyncDisposable
{
    private readonly Func<ValueTask> _release;
    private readonly Func<bool> _hasExited;
    private readonly Action _detached;
    private readonly Action<int> _kill;
    private int _released;

    internal ExecSession(string execId, bool tty, bool openStdin, ReadOnlyMemory<byte> detachKeys, int pid, IRuntimeStream? stream, Task<int> exited, Func<bool> hasExited, Func<ValueTask> release, Action detached, Action<int> kill)
    {
        ExecId = execId;
        Tty = tty;
        OpenStdin = openStdin;
        DetachKeys = detachKeys;
        Pid = pid;
        Stream = stream;
        Exited = exited;
        _hasExited = hasExited;
        _release = release;
        _detached = detached;
        _kill = kill;
    }

    public string ExecId { get; }

    public bool Tty { get; }

    public bool OpenStdin { get; }

    /// <summary>The exec's own detach keys; empty means dockerd's default (ctrl-p, ctrl-q).</summary>
    public ReadOnlyMemory<byte> DetachKeys { get; }

    public int Pid { get; }

    /// <summary>The attached stdio; null for a detached start.</summary>
    public IRuntimeStream? Stream { get; }

    /// <summary>The exit code, once it is recorded (inspect shows it from then on).</summary>
    public Task<int> Exited { get; }

    /// <summary>Kills the exec's process with SIGKILL (a health probe that ran past its timeout); no-op once it ended.</summary>
    public void Kill()
    {
        if (_hasExited())
        {
            return;
        }

        _kill(Pid);
    }

    /// <summary>The client detached with its keys: dockerd's <c>exec_detach</c> event.</summary>
    public void ReportDetached() => _detached();

    public ValueTask DisposeAsync()
    {
        return Interlocked.Exchange(ref _released, 1) == 0 ? _release() : ValueTask.CompletedTask;
    }
}
