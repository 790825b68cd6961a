using System.Net.Security;
using System.Net.Sockets;
using Wharf.Client.Http;

namespace Wharf.Client;

/// <summary>
/// The raw two-way stream of an attach or exec start, after the daemon answered <c>101 UPGRADED</c> (or, like old
/// daemons, a plain <c>200</c> with no body framing). Reads see the container's output; writes go to its stdin;
/// <see cref="CloseWriteAsync"/> is the EOF on stdin that keeps output flowing, as Go's <c>CloseWrite</c>.
/// </summary>
public sealed class HijackedConnection : IAsyncDisposable, IDisposable
{
    private readonly BufferedConnectionStream _connection;
    private readonly Stream _transport;

    internal HijackedConnection(BufferedConnectionStream connection, Stream transport)
    {
        _connection = connection;
        _transport = transport;
    }

    /// <summary>Output from the daemon (bytes already buffered with the response head come first) and input to it.</summary>
    public Stream Stream => _connection;

    /// <summary>Half-closes the connection: shutdown(SHUT_WR) on a socket, close_notify on TLS.</summary>
    public async Task CloseWriteAsync()
    {
        try
        {
            switch (_transport)
            {
                case NetworkStream network:
                    network.Socket.Shutdown(SocketShutdown.Send);
                    break;
                case SslStream ssl:
                    await ssl.ShutdownAsync().ConfigureAwait(false);
                    break;
                default:
                    break;
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // The daemon may have closed the connection already; docker only logs "Couldn't send EOF" at debug level.
        }
    }

    public void Dispose() => _connection.Dispose();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
