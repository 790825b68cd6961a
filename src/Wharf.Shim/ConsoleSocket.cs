using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>
/// The unix socket given to runc as <c>--console-socket</c>: runc connects once and sends the pty master it created
/// for the process (SCM_RIGHTS). A thread accepts while runc runs; the master is taken once runc succeeded.
/// </summary>
internal sealed class ConsoleSocket : IDisposable
{
    private static readonly TimeSpan MasterTimeout = TimeSpan.FromSeconds(10);

    private readonly FileDescriptorHandle _listener;
    private readonly ManualResetEventSlim _received = new(false);
    private int _master = -1;
    private int _disposed;

    public ConsoleSocket(string path)
    {
        Path = path;
        File.Delete(path);
        _listener = UnixSocket.Listen(path, 1);
        ShimThreads.Start("console", Accept);
    }

    public string Path { get; }

    /// <summary>The pty master runc sent (the caller owns it from then on), or -1 when none came.</summary>
    public int TakeMaster()
    {
        _received.Wait(MasterTimeout);
        return Interlocked.Exchange(ref _master, -1);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        UnixSocket.Shutdown(_listener);
        _listener.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Removed already.
        }

        _received.Set();
    }

    private void Accept()
    {
        try
        {
            using var connection = UnixSocket.Accept(_listener);
            if (connection is not null)
            {
                Volatile.Write(ref _master, FileDescriptorPassing.Receive(connection));
                _received.Set();
                if (Volatile.Read(ref _disposed) != 0 && Interlocked.Exchange(ref _master, -1) is var unclaimed && unclaimed >= 0)
                {
                    // Nobody will take it any more.
                    FileDescriptor.Close(unclaimed);
                }
            }
        }
        catch (IOException exception)
        {
            ShimLog.Write($"console socket: {exception.Message}");
        }
        finally
        {
            _received.Set();
        }
    }
}
