using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// <c>wharf run</c> / <c>wharf container run</c>, docker's runContainer step for step: create; attach (before start,
/// so no output is lost); wait for the next exit (or removal with <c>--rm</c>); start; stream until the output ends;
/// exit with the container's status. <c>-d</c> prints the ID instead.
/// </summary>
public sealed class RunCommand : OptionsCommand<ContainerRunOptions>
{
    private readonly IContainerConsole _console;

    public RunCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "run [OPTIONS] IMAGE [COMMAND] [ARG...]";

    public override string Short => "Create and run a new container from an image";

    public override string Aliases => $"{ProductInfo.CommandName} container run, {ProductInfo.CommandName} run";

    public override int? TopOrder => 1;

    public override bool InterspersedFlags => false;

    public override IReadOnlyList<FlagDefinition> Flags { get; } = ContainerFlags.ForRun();

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ContainerRunOptions Bind(ParsedFlags flags) => new(flags);

    public override async Task ExecuteAsync(CommandContext context, ContainerRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var commandPath = ProductInfo.CommandName + " run";
        var flags = options.Flags;
        var spec = CreateCommand.ParseSpec(context, flags, _console, commandPath);
        var detach = flags.GetBool("detach");
        var request = spec.Request;
        if (!detach)
        {
            ExitStatus.CheckTty(request.AttachStdin, request.Tty, _console.IsInputTerminal);
        }
        else
        {
            if (spec.AttachFlagCount > 0)
            {
                throw new CliException(1, "conflicting options: cannot specify both --attach and --detach");
            }

            request = request with { AttachStdin = false, AttachStdout = false, AttachStderr = false, StdinOnce = false };
            spec = spec with { Request = request };
        }

        string id;
        try
        {
            id = await ContainerCreator.CreateAsync(context, spec).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException || ContainerErrors.IsClientError(ex))
        {
            throw ContainerErrors.ForRun(ContainerErrors.Describe(ex), commandPath);
        }

        using var signals = flags.GetBool("sig-proxy", fallback: true) ? SignalForwarding.Start(_console, context.Client, id) : null;

        // Without signal proxying a Ctrl-C ends the CLI, as it does docker's; with it the container decides.
        using var streamStop = flags.GetBool("sig-proxy", fallback: true)
            ? new CancellationTokenSource()
            : CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        using var waitStop = new CancellationTokenSource();
        try
        {
            await RunAttachedAsync(context, spec, id, DetachKeys.Resolve(flags.GetString("detach-keys"), context.Globals.ConfigDirectory), streamStop, waitStop.Token).ConfigureAwait(false);
        }
        finally
        {
            await waitStop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAttachedAsync(CommandContext context, ContainerSpec spec, string id, string? detachKeys, CancellationTokenSource streamStop, CancellationToken waitStop)
    {
        var request = spec.Request;
        var client = context.Client;
        var attach = request.AttachStdin || request.AttachStdout || request.AttachStderr;
        Task? streaming = null;
        HijackedConnection? connection = null;
        try
        {
            if (attach)
            {
                (connection, streaming) = await ContainerAttachment.OpenAsync(context, _console, id, new ContainerAttachQuery
                {
                    Stdin = request.AttachStdin,
                    Stdout = request.AttachStdout,
                    Stderr = request.AttachStderr,
                    DetachKeys = detachKeys,
                }, request.Tty, stderrToOutput: true, streamStop.Token).ConfigureAwait(false);
            }

            var exit = await ContainerAttachment.BeginWaitAsync(client, id, spec.AutoRemove ? "removed" : "next-exit", waitStop).ConfigureAwait(false);
            if (!attach)
            {
                // docker prints the ID while it starts the container, so it shows even when the start fails.
                await context.Out.WriteLineAsync(id).ConfigureAwait(false);
            }

            try
            {
                await client.StartContainerAsync(id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ContainerErrors.IsClientError(ex))
            {
                if (streaming is not null)
                {
                    await streamStop.CancelAsync().ConfigureAwait(false);
                    await ContainerAttachment.DrainAsync(streaming).ConfigureAwait(false);
                }

                if (spec.AutoRemove)
                {
                    await ContainerAttachment.DrainAsync(exit).ConfigureAwait(false);
                }

                throw ContainerErrors.ForRun(ContainerErrors.Describe(ex), ProductInfo.CommandName + " run");
            }

            if (streaming is null)
            {
                return;
            }

            using var resizer = request.Tty && _console.IsOutputTerminal
                ? await TtySizeMonitor.StartAsync(_console, (height, width) => client.ResizeContainerAsync(id, height, width), context.Err).ConfigureAwait(false)
                : null;
            int status;
            if (await Task.WhenAny(streaming, exit).ConfigureAwait(false) == streaming)
            {
                if (!await ContainerAttachment.CompleteAsync(streaming).ConfigureAwait(false))
                {
                    return;
                }

                status = await ExitStatus.FromWaitAsync(exit, context.Err).ConfigureAwait(false);
            }
            else
            {
                status = await ExitStatus.FromWaitAsync(exit, context.Err).ConfigureAwait(false);

                // The output may still be arriving; only without stdout/stderr is there nothing left to wait for.
                if (!request.AttachStdout && !request.AttachStderr)
                {
                    await streamStop.CancelAsync().ConfigureAwait(false);
                }

                await ContainerAttachment.DrainAsync(streaming).ConfigureAwait(false);
            }

            ExitStatus.ThrowIfFailed(status);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
