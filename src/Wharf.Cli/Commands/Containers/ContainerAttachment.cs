using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>The attach steps run, start -a and attach share: the hijacked connection wired to the console, and its end.</summary>
public static class ContainerAttachment
{
    /// <param name="stderrToOutput">run sends a TTY container's stderr to stdout; start and attach keep stderr.</param>
    public static async Task<(HijackedConnection Connection, Task Streaming)> OpenAsync(CommandContext context, IContainerConsole console, string id, ContainerAttachQuery query, bool tty, bool stderrToOutput, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(query);
        var connection = await context.Client.AttachContainerAsync(id, query, CancellationToken.None).ConfigureAwait(false);
        var streaming = new HijackedStreamer(console).StreamAsync(connection, new StreamEndpoints
        {
            Input = query.Stdin ? console.OpenInput() : null,
            Output = query.Stdout ? console.Output : null,
            Error = query.Stderr ? (tty && stderrToOutput ? console.Output : console.Error) : null,
            Tty = tty,
            DetachKeys = query.DetachKeys,
        }, stop);
        return (connection, streaming);
    }

    /// <summary>Waits for the stream to end: false when the user detached; a broken stream is the command's error.</summary>
    public static async Task<bool> CompleteAsync(Task streaming)
    {
        ArgumentNullException.ThrowIfNull(streaming);
        try
        {
            await streaming.ConfigureAwait(false);
            return true;
        }
        catch (DetachRequestedException)
        {
            return false;
        }
        catch (IOException ex)
        {
            throw new CliException(1, ex.Message);
        }
    }

    /// <summary>Waits for a task whose outcome no longer matters.</summary>
    public static async Task DrainAsync(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DetachRequestedException || ContainerErrors.IsClientError(ex))
        {
            // Only its end was wanted.
        }
    }

    /// <summary>docker registers the waiter before starting; a failed wait still lets the container start, and reports 125.</summary>
    public static async Task<Task<Wharf.Api.ContainerWaitResponse>> BeginWaitAsync(WharfClient client, string id, string condition, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.BeginWaitContainerAsync(id, condition, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex))
        {
            return Task.FromException<Wharf.Api.ContainerWaitResponse>(ex);
        }
    }
}
