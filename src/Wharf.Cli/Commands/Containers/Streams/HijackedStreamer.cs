using Wharf.Client;

namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>
/// docker/cli's hijackedIOStreamer: copies stdin to the connection (then half-closes it) and the connection to
/// stdout/stderr (demultiplexed without a TTY, raw with one), with the terminal in raw mode and the detach keys
/// watched while a TTY is attached. Returns when the output ends (or, with no output attached, when input does);
/// throws <see cref="DetachRequestedException"/> when the user detached.
/// </summary>
public sealed class HijackedStreamer
{
    private readonly IContainerConsole _console;

    public HijackedStreamer(IContainerConsole console)
    {
        _console = console;
    }

    public async Task StreamAsync(HijackedConnection connection, StreamEndpoints endpoints, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(endpoints);
        var input = endpoints.Input;
        IDisposable? rawMode = null;
        if (input is not null && endpoints.Tty)
        {
            rawMode = _console.MakeInputRaw();
            input = new EscapeProxyStream(input, EscapeKeys(endpoints.DetachKeys));
        }

        using var restore = new RestoreOnce(rawMode);
        var outputDone = endpoints.Output is null && endpoints.Error is null ? null : CopyOutputAsync(connection, endpoints, restore, cancellation);
        var inputDone = CopyInputAsync(connection, input, restore);
        var cancelled = Task.Delay(Timeout.Infinite, cancellation);

        var first = await Task.WhenAny(outputDone ?? Task.Delay(Timeout.Infinite, cancellation), inputDone, cancelled).ConfigureAwait(false);
        if (first == outputDone)
        {
            await outputDone.ConfigureAwait(false);
            return;
        }

        if (first == inputDone)
        {
            // Detaching ends the stream at once; a plain end of input waits for the output to finish.
            await inputDone.ConfigureAwait(false);
            if (outputDone is null)
            {
                return;
            }

            if (await Task.WhenAny(outputDone, cancelled).ConfigureAwait(false) == outputDone)
            {
                await outputDone.ConfigureAwait(false);
                return;
            }
        }

        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>Invalid keys fall back to the default, as docker does (it only logs a warning).</summary>
    private static byte[] EscapeKeys(string? detachKeys)
    {
        if (string.IsNullOrEmpty(detachKeys))
        {
            return DetachKeys.Default;
        }

        try
        {
            return DetachKeys.ToBytes(detachKeys);
        }
        catch (FormatException)
        {
            return DetachKeys.Default;
        }
    }

    private static async Task CopyOutputAsync(HijackedConnection connection, StreamEndpoints endpoints, RestoreOnce restore, CancellationToken cancellation)
    {
        await Task.Yield();
        if (endpoints.Output is not null && endpoints.Tty)
        {
            var buffer = new byte[32 * 1024];
            int read;
            while ((read = await connection.Stream.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
            {
                await endpoints.Output.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                await endpoints.Output.FlushAsync(cancellation).ConfigureAwait(false);
            }

            // Back to a cooked terminal as soon as the container's output ends, so what follows prints normally.
            restore.Dispose();
            return;
        }

        await StdCopy.CopyAsync(connection.Stream, endpoints.Output, endpoints.Error, cancellation).ConfigureAwait(false);
    }

    private static async Task CopyInputAsync(HijackedConnection connection, Stream? input, RestoreOnce restore)
    {
        await Task.Yield();
        if (input is not null)
        {
            try
            {
                var buffer = new byte[32 * 1024];
                int read;
                while ((read = await input.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    await connection.Stream.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                    await connection.Stream.FlushAsync().ConfigureAwait(false);
                }
            }
            catch (DetachRequestedException)
            {
                restore.Dispose();
                throw;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // The same failure shows on the output side, which reports it; docker only logs it here.
            }

            restore.Dispose();
        }

        await connection.CloseWriteAsync().ConfigureAwait(false);
    }

    /// <summary>Restores the terminal once, whichever side finishes first.</summary>
    private sealed class RestoreOnce(IDisposable? rawMode) : IDisposable
    {
        private IDisposable? _rawMode = rawMode;

        public void Dispose() => Interlocked.Exchange(ref _rawMode, null)?.Dispose();
    }
}
