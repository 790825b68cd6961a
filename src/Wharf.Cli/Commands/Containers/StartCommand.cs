using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// <c>wharf start</c>: without <c>-a</c>/<c>-i</c> it starts every container and prints each name; with them it
/// attaches to one container first, starts it, streams and exits with its status, as docker's runStart.
/// </summary>
public sealed class StartCommand : OptionsCommand<ParsedFlags>
{
    private readonly IContainerConsole _console;

    public StartCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "start [OPTIONS] CONTAINER [CONTAINER...]";

    public override string Short => "Start one or more stopped containers";

    public override string Aliases => $"{ProductInfo.CommandName} container start, {ProductInfo.CommandName} start";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("attach", 'a', "Attach STDOUT/STDERR and forward signals"),
        ContainerFlags.Typed("checkpoint", null, "string", "Restore from this checkpoint"),
        ContainerFlags.Typed("checkpoint-dir", null, "string", "Use a custom checkpoint storage directory"),
        ContainerFlags.Typed("detach-keys", null, "string", "Override the key sequence for detaching a container"),
        FlagDefinition.Bool("interactive", 'i', "Attach container's STDIN"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var containers = options.Arguments;
        if (options.GetBool("attach") || options.GetBool("interactive"))
        {
            if (containers.Count > 1)
            {
                throw new CliException(1, "you cannot start and attach multiple containers at once");
            }

            await StartAttachedAsync(context, options, containers[0]).ConfigureAwait(false);
            return;
        }

        if (options.GetString("checkpoint") is { Length: > 0 } checkpoint)
        {
            if (containers.Count > 1)
            {
                throw new CliException(1, "you cannot restore multiple containers at once");
            }

            await context.Client.StartContainerAsync(containers[0], checkpoint, options.GetString("checkpoint-dir"), context.Cancellation).ConfigureAwait(false);
            return;
        }

        var failed = new List<string>();
        foreach (var container in containers)
        {
            try
            {
                await context.Client.StartContainerAsync(container, cancellationToken: context.Cancellation).ConfigureAwait(false);
                await context.Out.WriteLineAsync(container).ConfigureAwait(false);
            }
            catch (Exception ex) when (ContainerErrors.IsClientError(ex))
            {
                await context.Err.WriteLineAsync(ContainerErrors.Describe(ex)).ConfigureAwait(false);
                failed.Add(container);
            }
        }

        if (failed.Count > 0)
        {
            throw new CliException(1, "Error: failed to start containers: " + string.Join(", ", failed));
        }
    }

    private async Task StartAttachedAsync(CommandContext context, ParsedFlags options, string name)
    {
        var client = context.Client;
        var container = await client.InspectContainerAsync(name, context.Cancellation).ConfigureAwait(false);
        var tty = container.Config?.Tty ?? false;
        var interactive = options.GetBool("interactive");
        ExitStatus.CheckTty(interactive, tty, _console.IsInputTerminal);

        // The container's ID from here on, as docker does, so a rename meanwhile changes nothing.
        var id = container.Id;
        using var signals = tty ? null : SignalForwarding.Start(_console, client, id);
        var detachKeys = DetachKeys.Resolve(options.GetString("detach-keys"), context.Globals.ConfigDirectory);
        using var streamStop = new CancellationTokenSource();
        using var waitStop = new CancellationTokenSource();
        var (connection, streaming) = await ContainerAttachment.OpenAsync(context, _console, id, new ContainerAttachQuery
        {
            Stdin = interactive && (container.Config?.OpenStdin ?? false),
            Stdout = true,
            Stderr = true,
            DetachKeys = detachKeys,
        }, tty, stderrToOutput: false, streamStop.Token).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var autoRemove = container.HostConfig?.AutoRemove ?? false;
                var exit = await ContainerAttachment.BeginWaitAsync(client, id, autoRemove ? "removed" : "next-exit", waitStop.Token).ConfigureAwait(false);
                try
                {
                    await client.StartContainerAsync(id, options.GetString("checkpoint"), options.GetString("checkpoint-dir"), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ContainerErrors.IsClientError(ex))
                {
                    await streamStop.CancelAsync().ConfigureAwait(false);
                    await ContainerAttachment.DrainAsync(streaming).ConfigureAwait(false);
                    if (autoRemove)
                    {
                        await ContainerAttachment.DrainAsync(exit).ConfigureAwait(false);
                    }

                    throw new CliException(1, ContainerErrors.Describe(ex));
                }

                using var resizer = tty && _console.IsOutputTerminal
                    ? await TtySizeMonitor.StartAsync(_console, (height, width) => client.ResizeContainerAsync(id, height, width), context.Err).ConfigureAwait(false)
                    : null;
                if (!await ContainerAttachment.CompleteAsync(streaming).ConfigureAwait(false))
                {
                    return;
                }

                ExitStatus.ThrowIfFailed(await ExitStatus.FromWaitAsync(exit, context.Err).ConfigureAwait(false));
            }
            finally
            {
                await waitStop.CancelAsync().ConfigureAwait(false);
            }
        }
    }
}
