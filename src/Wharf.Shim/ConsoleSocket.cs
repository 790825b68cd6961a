using System.Net.Sockets;
using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>
/// The unix socket given to runc as <c>--console-socket</c>: runc connects once and sends the pty master it created
/// for the process (SCM_RIGHTS). A thread accepts while runc runs; the master is taken once runc succeeded.
/// </summary>
internal sealed class ConsoleSocket : IDisposable
{
    private static readonly TimeSpan MasterTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _listener;
    private readonly TaskCompletionSource<int> _master = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    public ConsoleSocket(string path)
    {
        Path = path;
        File.Delete(path);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(1);
        ShimThreads.Start("console", Accept);
    }

    public string Path { get; }

    /// <summary>The pty master runc sent (the caller owns it from then on), or -1 when none came.</summary>
    public int TakeMaster()
    {
        try
        {
            if (_master.Task.Wait(MasterTimeout))
            {
                return _master.Task.Result;
            }
        }
        catch (AggregateException)
        {
            // Accept failed or the socket was closed: no master.
        }

        return -1;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _listener.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Removed already.
        }

        _master.TrySetException(new ObjectDisposedException(nameof(ConsoleSocket)));
    }

    private void Accept()
    {
        try
        {
            using var connection = _listener.Accept();
            var fd = FileDescriptorPassing.Receive((int)connection.SafeHandle.DangerousGetHandle());
            if (!_master.TrySetResult(fd))
            {
                FileDescriptor.Close(fd);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException)
        {
            _master.TrySetException(exception);
        }
    }
}
