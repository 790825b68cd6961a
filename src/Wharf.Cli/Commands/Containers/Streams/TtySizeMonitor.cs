namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>
/// docker/cli's MonitorTtySize: sends the terminal's size now (retrying briefly, as the process may not be ready) and
/// again on every SIGWINCH, until disposed.
/// </summary>
public static class TtySizeMonitor
{
    private const int Retries = 10;

    /// <param name="resize">Sends a size (height, width) to the resize endpoint of the container or exec.</param>
    /// <returns>Once the first attempt was made (as docker's, it is not run in the background); dispose to stop.</returns>
    public static async Task<IDisposable> StartAsync(IContainerConsole console, Func<int, int, Task> resize, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(resize);
        ArgumentNullException.ThrowIfNull(error);
        var (height, width) = console.OutputSize;
        if (!await TryResizeAsync(resize, height, width).ConfigureAwait(false))
        {
            _ = RetryResizeAsync(console, resize, error);
        }

        return console.OnResize(() => _ = ResizeQuietlyAsync(console, resize));
    }

    /// <summary>docker's resizeTTYTo: nothing is sent for an unknown (0×0) size.</summary>
    public static async Task<bool> TryResizeAsync(Func<int, int, Task> resize, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(resize);
        if (height == 0 && width == 0)
        {
            return true;
        }

        try
        {
            await resize(height, width).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is Wharf.Client.WharfApiException or IOException or Wharf.Client.DaemonUnreachableException)
        {
            return false;
        }
    }

    /// <summary>The process may not be ready for a size yet: docker retries ten times, a little longer each time.</summary>
    private static async Task RetryResizeAsync(IContainerConsole console, Func<int, int, Task> resize, TextWriter error)
    {
        for (var retry = 0; retry < Retries; retry++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds((retry + 1) * 10)).ConfigureAwait(false);
            var (height, width) = console.OutputSize;
            if (await TryResizeAsync(resize, height, width).ConfigureAwait(false))
            {
                return;
            }
        }

        await error.WriteLineAsync("failed to resize tty, using default size").ConfigureAwait(false);
    }

    private static async Task ResizeQuietlyAsync(IContainerConsole console, Func<int, int, Task> resize)
    {
        var (height, width) = console.OutputSize;
        await TryResizeAsync(resize, height, width).ConfigureAwait(false);
    }
}
