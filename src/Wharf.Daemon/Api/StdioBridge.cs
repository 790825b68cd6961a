using System.Buffers;
using Wharf.Engine.Errors;
using Wharf.Engine.Exec;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Api;

/// <summary>
/// Joins a hijacked connection to a process's attached stdio, as dockerd's stream.CopyStreams does: output to the client
/// until it ends, the client's bytes to stdin, the detach keys, and what the client's EOF means.
/// </summary>
internal static class StdioBridge
{
    public static async Task<BridgeEnd> RunAsync(Stream connection, HijackedOutput output, IRuntimeStream stream, BridgeOptions options, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outputTask = PumpOutputAsync(stream, output, stop.Token);
        var inputTask = options.ForwardStdin ? PumpInputAsync(connection, stream, options, stop.Token) : null;
        BridgeEnd end;
        if (inputTask is null)
        {
            end = await outputTask.ConfigureAwait(false);
        }
        else
        {
            var first = await Task.WhenAny(outputTask, inputTask).ConfigureAwait(false);
            end = await first.ConfigureAwait(false);
            if (first == inputTask && end == BridgeEnd.StdinClosed && !options.StdinEndClosesSession)
            {
                end = await outputTask.ConfigureAwait(false);
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await SettleAsync(outputTask).ConfigureAwait(false);
        if (inputTask is not null)
        {
            await SettleAsync(inputTask).ConfigureAwait(false);
        }

        return end;
    }

    private static async Task<BridgeEnd> PumpOutputAsync(IRuntimeStream stream, HijackedOutput output, CancellationToken cancellationToken)
    {
        while (true)
        {
            RuntimeOutput? chunk;
            try
            {
                chunk = await stream.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or EngineException or ObjectDisposedException)
            {
                return BridgeEnd.OutputEnded;
            }

            if (chunk is null)
            {
                return BridgeEnd.OutputEnded;
            }

            try
            {
                await output.WriteAsync(chunk.Stream, chunk.Data, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                return BridgeEnd.ClientGone;
            }
        }
    }

    private static async Task<BridgeEnd> PumpInputAsync(Stream connection, IRuntimeStream stream, BridgeOptions options, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var forward = new ArrayBufferWriter<byte>(4096);
        var matcher = options.WatchDetachKeys ? new DetachKeyMatcher(options.DetachKeys) : null;
        while (true)
        {
            int read;
            try
            {
                read = await connection.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                return BridgeEnd.ClientGone;
            }

            forward.Clear();
            var detached = false;
            if (read == 0)
            {
                matcher?.Flush(forward);
            }
            else if (matcher is not null)
            {
                detached = matcher.Feed(buffer.AsSpan(0, read), forward);
            }
            else
            {
                forward.Write(buffer.AsSpan(0, read));
            }

            try
            {
                if (forward.WrittenCount > 0)
                {
                    await stream.WriteStdinAsync(forward.WrittenMemory.ToArray(), cancellationToken).ConfigureAwait(false);
                }

                if (read == 0)
                {
                    await stream.CloseStdinAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or EngineException or ObjectDisposedException or InvalidOperationException)
            {
                // The process's stdin is gone (it exited or closed it): like dockerd's ErrClosedPipe, that ends the input side.
                return BridgeEnd.StdinClosed;
            }

            if (detached)
            {
                return BridgeEnd.Detached;
            }

            if (read == 0)
            {
                return BridgeEnd.StdinClosed;
            }
        }
    }

    private static async Task SettleAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled because the other side ended the session.
        }
    }
}
