using System.Net.Sockets;
using System.Threading.Channels;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>
/// An attach or exec connection as an <see cref="IRuntimeStream"/>. A background loop reads the shim's frames into a
/// small bounded queue, so that the Exit frame is seen even when nobody reads; output that nobody reads holds the
/// loop back (and, for an exec, the process), so callers that attach output are expected to read it.
/// </summary>
internal sealed class ShimStream : IRuntimeStream
{
    private const int QueuedChunks = 64;

    private readonly ShimClientConnection _connection;
    private readonly bool _canWriteStdin;
    private readonly Channel<RuntimeOutput> _output = Channel.CreateBounded<RuntimeOutput>(new BoundedChannelOptions(QueuedChunks) { SingleWriter = true });
    private readonly TaskCompletionSource<int?> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public ShimStream(ShimClientConnection connection, bool canWriteStdin)
    {
        _connection = connection;
        _canWriteStdin = canWriteStdin;
        _ = Task.Run(PumpAsync);
    }

    /// <summary>The exit code from the Exit frame; null when the connection ended without one (the shim went away).</summary>
    public Task<int?> Exit => _exit.Task;

    public async ValueTask<RuntimeOutput?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _output.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public async ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!_canWriteStdin || data.IsEmpty)
        {
            return;
        }

        try
        {
            await _connection.WriteFrameAsync(ShimFrameKind.Stdin, data, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // The process or its shim is gone; stdin has nowhere to go.
        }
    }

    public async ValueTask CloseStdinAsync(CancellationToken cancellationToken)
    {
        if (!_canWriteStdin)
        {
            return;
        }

        try
        {
            await _connection.WriteFrameAsync(ShimFrameKind.CloseStdin, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // Gone already.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _exit.TrySetResult(null);
        _output.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        int? exitCode = null;
        try
        {
            while (await _connection.Reader.ReadFrameAsync(_stop.Token).ConfigureAwait(false) is { } frame)
            {
                switch (frame.Kind)
                {
                    case ShimFrameKind.Stdout:
                        await _output.Writer.WriteAsync(new RuntimeOutput(OutputStream.Stdout, frame.Payload), _stop.Token).ConfigureAwait(false);
                        break;
                    case ShimFrameKind.Stderr:
                        await _output.Writer.WriteAsync(new RuntimeOutput(OutputStream.Stderr, frame.Payload), _stop.Token).ConfigureAwait(false);
                        break;
                    case ShimFrameKind.Exit:
                        exitCode = ShimFrames.DecodeExit(frame.Payload);
                        return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
        {
            // The connection ended; whatever was read is delivered.
        }
        finally
        {
            _output.Writer.TryComplete();
            _exit.TrySetResult(exitCode);
        }
    }
}
