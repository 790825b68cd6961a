using System.Net.Sockets;

namespace Wharf.Shim;

/// <summary>The shim's unix socket: one thread accepts, each connection gets a thread of its own for its lifetime.</summary>
internal sealed class ControlServer : IDisposable
{
    private readonly Socket _listener;
    private readonly Action<Socket> _handle;
    private readonly CountdownEvent _connections = new(1);
    private int _disposed;

    public ControlServer(string path, Action<Socket> handle)
    {
        Path = path;
        _handle = handle;
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.Delete(path);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _listener.Listen(64);
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

        _listener.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Gone already.
        }
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

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
                    connection.Dispose();
                    _connections.Signal();
                }
            });
        }
    }
}
