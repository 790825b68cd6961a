using System.Net.Sockets;
using Wharf.Engine.Errors;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>One connection to a shim's socket: a request line, its response line, then frames either way.</summary>
internal sealed class ShimClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private ShimClientConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Reader = new ShimConnectionReader(_stream);
    }

    public ShimConnectionReader Reader { get; }

    /// <summary>Connects to the shim; a shim that is gone (no socket, nobody listening) is <see cref="ErrorKind.Conflict"/>: the container is not running.</summary>
    public static async Task<ShimClientConnection> ConnectAsync(string socketPath, string containerId, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return new ShimClientConnection(socket);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new EngineException(ErrorKind.Conflict, $"container {containerId} is not running", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends the request and reads the response; a connection closed before answering is an IOException.</summary>
    public async Task<ShimResponse> RequestAsync(ShimRequest request, CancellationToken cancellationToken)
    {
        await WriteAsync(ShimJson.ToLine(request, ShimJsonContext.Default.ShimRequest), cancellationToken).ConfigureAwait(false);
        return await ReadResponseAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ShimResponse> ReadResponseAsync(CancellationToken cancellationToken) =>
        await Reader.ReadJsonAsync(ShimJsonContext.Default.ShimResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new IOException("the shim closed the connection");

    public ValueTask WriteFrameAsync(ShimFrameKind kind, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        WriteAsync(ShimFrames.Encode(kind, payload.Span), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _writeLock.Dispose();
    }

    private async ValueTask WriteAsync(byte[] data, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
