using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// "The outside world" for NAT and --internal tests, made by the test: a network namespace joined to the daemon's by a
/// veth (198.51.100.1/30 on the daemon's side, 198.51.100.2/30 outside, TEST-NET-2 so it can clash with nothing) and a
/// TCP listener at 198.51.100.2:<see cref="Port"/> that answers "outside" and remembers each peer's address. Traffic
/// from containers only ever reaches it through the daemon's namespace, as it would reach another host.
/// </summary>
public sealed class OutsideNamespace : IAsyncDisposable
{
    public const string Greeting = "outside";

    private static int _counter;

    private readonly TestNetworkNamespace _namespace;
    private readonly Socket _listener;
    private readonly ConcurrentQueue<IPAddress> _peers = new();
    private readonly Task _accepting;

    private OutsideNamespace(TestNetworkNamespace outside, Socket listener)
    {
        _namespace = outside;
        _listener = listener;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The daemon's end of the veth; a masqueraded container's traffic arrives from here.</summary>
    public static IPAddress DaemonSideAddress { get; } = IPAddress.Parse("198.51.100.1");

    public static IPAddress Address { get; } = IPAddress.Parse("198.51.100.2");

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <summary><c>198.51.100.2 PORT</c>, the arguments of busybox nc.</summary>
    public string NcTarget => $"{Address} {Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The outside namespace's bind mount, for checking that it is gone.</summary>
    public string NamespacePath => _namespace.Path;

    /// <summary>Source addresses of the connections accepted so far.</summary>
    public IReadOnlyList<IPAddress> Peers => [.. _peers];

    public static async Task<OutsideNamespace> CreateAsync(WharfDaemon daemon)
    {
        var daemonNamespace = daemon.NetworkNamespace
            ?? throw new InvalidOperationException("The outside namespace hangs off a daemon's own network namespace; this daemon runs on the host's.");
        var outside = await TestNetworkNamespace.CreateAsync();
        try
        {
            // Named after the outside namespace's counter: unique within the daemon's namespace, and at most 15 bytes.
            var daemonEnd = $"wxo{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}";
            await IpAsync("-n", daemonNamespace.Name, "link", "add", daemonEnd, "type", "veth", "peer", "name", "eth0", "netns", outside.Name);
            await IpAsync("-n", daemonNamespace.Name, "addr", "add", $"{DaemonSideAddress}/30", "dev", daemonEnd);
            await IpAsync("-n", daemonNamespace.Name, "link", "set", daemonEnd, "up");
            await IpAsync("-n", outside.Name, "addr", "add", $"{Address}/30", "dev", "eth0");
            await IpAsync("-n", outside.Name, "link", "set", "eth0", "up");
            var listener = NamespaceSockets.OpenIn(outside.Path, () =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(Address, 0));
                socket.Listen(16);
                return socket;
            });
            return new OutsideNamespace(outside, listener);
        }
        catch
        {
            await outside.DeleteAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or SocketException or ObjectDisposedException)
        {
            // The accept loop ends with the listener.
        }

        // The veth dies with the namespace, taking the daemon's end with it.
        await _namespace.DeleteAsync();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (connection)
            {
                _peers.Enqueue(((IPEndPoint)connection.RemoteEndPoint!).Address.MapToIPv4());
                try
                {
                    await connection.SendAsync(Encoding.ASCII.GetBytes(Greeting + "\n"));
                    connection.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                    // A client that gave up early changes nothing about what was seen.
                }
            }
        }
    }

    private static async Task IpAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("ip", arguments, TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe("ip " + string.Join(' ', arguments)));
        }
    }
}
