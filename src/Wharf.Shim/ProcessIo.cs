using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>
/// The stdio of a process runc starts (init or an exec): either pipes (the child's ends go to runc, which passes them
/// on; the shim keeps the other ends) or, with a terminal, a console socket through which runc sends the pty master.
/// Streams nobody wants are /dev/null.
/// </summary>
internal sealed class ProcessIo : IDisposable
{
    private readonly int[] _childFds;
    private readonly List<int> _childOwned = [];
    private readonly Lock _stdinLock = new();
    private int _stdin = -1;
    private int _master = -1;

    private ProcessIo(int[] childFds)
    {
        _childFds = childFds;
    }

    /// <summary>The shim's end of the process's stdout (or the pty master), -1 when discarded.</summary>
    public int StdoutFd { get; private set; } = -1;

    public int StderrFd { get; private set; } = -1;

    public ConsoleSocket? Console { get; private set; }

    public bool IsTerminal => Console is not null || _master >= 0;

    /// <summary>The descriptors runc gets as 0, 1, 2.</summary>
    public ReadOnlySpan<int> ChildFds => _childFds;

    public static ProcessIo ForPipes(int devNull, bool stdin, bool stdout, bool stderr)
    {
        var io = new ProcessIo([devNull, devNull, devNull]);
        try
        {
            if (stdin)
            {
                var pipe = UnixPipe.Create();
                io._childFds[0] = pipe.ReadFd;
                io._childOwned.Add(pipe.ReadFd);
                io._stdin = pipe.WriteFd;
            }

            if (stdout)
            {
                var pipe = UnixPipe.Create();
                io._childFds[1] = pipe.WriteFd;
                io._childOwned.Add(pipe.WriteFd);
                io.StdoutFd = pipe.ReadFd;
            }

            if (stderr)
            {
                var pipe = UnixPipe.Create();
                io._childFds[2] = pipe.WriteFd;
                io._childOwned.Add(pipe.WriteFd);
                io.StderrFd = pipe.ReadFd;
            }

            return io;
        }
        catch
        {
            io.Dispose();
            throw;
        }
    }

    public static ProcessIo ForTerminal(int devNull, string consoleSocketPath) =>
        new([devNull, devNull, devNull]) { Console = new ConsoleSocket(consoleSocketPath) };

    /// <summary>After runc ran: the shim drops its copies of the child's ends, so that the pipes see EOF when the process ends.</summary>
    public void CloseChildEnds()
    {
        foreach (var fd in _childOwned)
        {
            FileDescriptor.Close(fd);
        }

        _childOwned.Clear();
    }

    /// <summary>Takes the pty master from the console socket (after runc succeeded) and sets the initial size.</summary>
    public bool TakeMaster(int height, int width)
    {
        if (Console is null)
        {
            return true;
        }

        _master = Console.TakeMaster();
        Console.Dispose();
        Console = null;
        if (_master < 0)
        {
            return false;
        }

        StdoutFd = _master;
        _stdin = _master;
        if (height > 0 && width > 0)
        {
            Resize(height, width);
        }

        return true;
    }

    public void Resize(int height, int width)
    {
        if (_master >= 0)
        {
            Terminal.SetWindowSize(_master, height, width);
        }
    }

    /// <summary>Writes to the process's stdin; false when it has none or it is closed (or the reader went away).</summary>
    public bool WriteStdin(ReadOnlySpan<byte> data)
    {
        lock (_stdinLock)
        {
            if (_stdin < 0)
            {
                return false;
            }

            try
            {
                FileDescriptor.WriteAll(_stdin, data);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    /// <summary>EOF on the process's stdin pipe. A terminal has no such thing; its master stays open for output.</summary>
    public void CloseStdin()
    {
        lock (_stdinLock)
        {
            if (_stdin >= 0 && _stdin != _master)
            {
                FileDescriptor.Close(_stdin);
            }

            _stdin = -1;
        }
    }

    /// <summary>
    /// Forgets the output descriptors without closing them: a pump still blocked reading one would otherwise read
    /// whatever file gets that number next.
    /// </summary>
    public void AbandonOutputs()
    {
        StdoutFd = -1;
        StderrFd = -1;
    }

    public void Dispose()
    {
        CloseChildEnds();
        CloseStdin();
        Console?.Dispose();
        // Output fds belong to the pumps reading them; they are closed here only once those have ended.
        if (StdoutFd >= 0)
        {
            FileDescriptor.Close(StdoutFd);
            StdoutFd = -1;
        }

        if (StderrFd >= 0)
        {
            FileDescriptor.Close(StderrFd);
            StderrFd = -1;
        }

        _master = -1;
    }
}
