using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf attach</c>: docker's RunAttach: the wait first, state checks, attach, stream, then the exit status.</summary>
public sealed class AttachCommand : OptionsCommand<ParsedFlags>
{
    private readonly IContainerConsole _console;

    public AttachCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "attach [OPTIONS] CONTAINER";

    public override string Short => "Attach local standard input, output, and error streams to a running container";

    public override string Aliases => $"{ProductInfo.CommandName} container attach, {ProductInfo.CommandName} attach";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        ContainerFlags.Typed("detach-keys", null, "string", "Override the key sequence for detaching a container"),
        FlagDefinition.Bool("no-stdin", null, "Do not attach STDIN"),
        FlagDefinition.Bool("sig-proxy", null, "Proxy all received signals to the process") with { DefaultValue = "true" },
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var client = context.Client;
        var name = options.Arguments[0];
        using var waitStop = new CancellationTokenSource();
        try
        {
            // No condition: the daemon's default (not-running); registered before attaching, as docker does.
            var exit = await ContainerAttachment.BeginWaitAsync(client, name, "", waitStop.Token).ConfigureAwait(false);
            var container = await InspectRunningAsync(client, name, context.Cancellation).ConfigureAwait(false);
            var tty = container.Config?.Tty ?? false;
            var noStdin = options.GetBool("no-stdin");
            ExitStatus.CheckTty(!noStdin, tty, _console.IsInputTerminal);
            var detachKeys = DetachKeys.Resolve(options.GetString("detach-keys"), context.Globals.ConfigDirectory);
            using var signals = options.GetBool("sig-proxy", fallback: true) && !tty ? SignalForwarding.Start(_console, client, name) : null;
            using var streamStop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
            var (connection, streaming) = await ContainerAttachment.OpenAsync(context, _console, name, new ContainerAttachQuery
            {
                Stdin = !noStdin && (container.Config?.OpenStdin ?? false),
                Stdout = true,
                Stderr = true,
                DetachKeys = detachKeys,
            }, tty, stderrToOutput: false, streamStop.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // The container may have stopped between the check and the attach; without this the attach would hang.
                await InspectRunningAsync(client, name, context.Cancellation).ConfigureAwait(false);
                IDisposable? resizer = null;
                if (tty && _console.IsOutputTerminal)
                {
                    // A size change makes the shell redraw its prompt on a second attach; the monitor then sets the real size.
                    var (height, width) = _console.OutputSize;
                    await TtySizeMonitor.TryResizeAsync((h, w) => client.ResizeContainerAsync(name, h, w), height + 1, width + 1).ConfigureAwait(false);
                    resizer = await TtySizeMonitor.StartAsync(_console, (h, w) => client.ResizeContainerAsync(name, h, w), context.Err).ConfigureAwait(false);
                }

                using (resizer)
                {
                    try
                    {
                        if (!await ContainerAttachment.CompleteAsync(streaming).ConfigureAwait(false))
                        {
                            // Unlike run and start, docker's attach returns the escape error itself.
                            throw new CliException(1, new DetachRequestedException().Message);
                        }
                    }
                    catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
                    {
                        // docker treats a cancelled attach as intentional and still reports the exit status.
                    }
                }

                await ReportExitAsync(exit).ConfigureAwait(false);
            }
        }
        finally
        {
            await waitStop.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>docker's inspectContainerAndCheckState.</summary>
    private static async Task<ContainerInspect> InspectRunningAsync(WharfClient client, string name, CancellationToken cancellation)
    {
        var container = await client.InspectContainerAsync(name, cancellation).ConfigureAwait(false);
        if (container.State?.Running != true)
        {
            throw new CliException(1, "cannot attach to a stopped container, start it first");
        }

        if (container.State.Paused)
        {
            throw new CliException(1, "cannot attach to a paused container, unpause it first");
        }

        if (container.State.Restarting)
        {
            throw new CliException(1, "cannot attach to a restarting container, wait until it is running");
        }

        return container;
    }

    /// <summary>docker's getExitStatus: a wait error is the message, a non-zero code the status.</summary>
    private static async Task ReportExitAsync(Task<ContainerWaitResponse> exit)
    {
        ContainerWaitResponse result;
        try
        {
            result = await exit.ConfigureAwait(false);
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex))
        {
            throw new CliException(1, ContainerErrors.Describe(ex));
        }

        if (result.Error is { } failure)
        {
            throw new CliException(1, failure.Message);
        }

        ExitStatus.ThrowIfFailed((int)result.StatusCode);
    }
}
