using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>The shim's unix socket: one thread accepts, each connection gets a thread of its own for its lifetime.</summary>
internal sealed class ControlServer : IDisposable
{
    private readonly FileDescriptorHandle _listener;
    private readonly Action<FileDescriptorHandle> _handle;
    private readonly CountdownEvent _connections = new(1);
    private int _disposed;

    public ControlServer(string path, Action<FileDescriptorHandle> handle)
    {
        Path = path;
        _handle = handle;
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.Delete(path);
        _listener = UnixSocket.Listen(path, 64);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public string Path { get; }

    public void Start() => ShimThreads.Start("accept", AcceptLoop);

    /// <summary>Waits (bounded) until every open connection has finished.</summary>
    public bool WaitForConnections(TimeSpan timeout)
    {
        _connections.Signal();
        return _connections.Wait(timeout);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Removing the name first: a client that connects from now on finds nothing rather than a dead listener.
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Gone already.
        }

        UnixSocket.Shutdown(_listener);
        _listener.Dispose();
    }

    private void AcceptLoop()
    {
        while (UnixSocket.Accept(_listener) is { } connection)
        {
            if (!_connections.TryAddCount())
            {
                connection.Dispose();
                continue;
            }

            ShimThreads.Start("connection", () =>
            {
                try
                {
                    _handle(connection);
                }
                finally
                {
                    UnixSocket.Shutdown(connection);
                    connection.Dispose();
                    _connections.Signal();
                }
            });
        }
    }
}
