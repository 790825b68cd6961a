using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Cli.Tests.Containers;

/// <summary>
/// An HTTP daemon on a temporary unix socket for the container commands: it keeps every request with its headers and
/// body, answers <c>/_ping</c> itself and hands everything else to the test's handler, which may hijack the connection.
/// </summary>
internal sealed class ScriptedDaemon : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly Func<DaemonExchange, Task> _handler;
    private readonly ConcurrentBag<Task> _connections = [];

    public ScriptedDaemon(Func<DaemonExchange, Task> handler)
    {
        _handler = handler;
        SocketPath = Path.Combine(Path.GetTempPath(), $"wharf-ct-{Guid.NewGuid():N}.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(32);
        _acceptLoop = AcceptLoopAsync();
    }

    public string SocketPath { get; }

    public string Host => "unix://" + SocketPath;

    public ConcurrentQueue<DaemonRequest> Requests { get; } = new();

    /// <summary>The requests as "METHOD /path?query" lines, in arrival order, without pings.</summary>
    public IReadOnlyList<string> Lines => Requests.Where(r => r.Path != "/_ping").Select(r => r.Line).ToList();

    public DaemonRequest Single(string method, string pathSuffix) =>
        Assert.Single(Requests, r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        foreach (var connection in _connections)
        {
            try
            {
                await connection.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or TimeoutException or OperationCanceledException)
            {
            }
        }

        File.Delete(SocketPath);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stop.Token);
            _connections.Add(Task.Run(() => HandleAsync(socket)));
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            using var registration = _stop.Token.Register(() => socket.Dispose());
            var request = await ReadRequestAsync(stream);
            if (request is null)
            {
                return;
            }

            Requests.Enqueue(request);
            var exchange = new DaemonExchange(request, stream);
            if (request.Path == "/_ping")
            {
                await exchange.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nOstype: linux\r\nContent-Length: 2\r\n\r\n" + (request.Method == "HEAD" ? "" : "OK"));
                return;
            }

            await _handler(exchange);
        }
    }

    private static async Task<DaemonRequest?> ReadRequestAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question >= 0 ? target[..question] : target;
        var query = question >= 0 ? target[(question + 1)..] : "";
        if (path.StartsWith("/v", StringComparison.Ordinal) && path.IndexOf('/', 1) > 0)
        {
            path = path[path.IndexOf('/', 1)..];
        }

        return new DaemonRequest(parts[0], target, path, query, headers, Encoding.UTF8.GetString(body));
    }
}
