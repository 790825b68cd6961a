using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// <c>wharf exec</c>, docker's RunExec: inspect the container first (so "no such container" wins), create the exec,
/// then start it detached, or hijacked with the streams attached, and exit with the exec's exit code.
/// </summary>
public sealed class ExecCommand : OptionsCommand<ParsedFlags>
{
    private readonly IContainerConsole _console;

    public ExecCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "exec [OPTIONS] CONTAINER COMMAND [ARG...]";

    public override string Short => "Execute a command in a running container";

    public override string Aliases => $"{ProductInfo.CommandName} container exec, {ProductInfo.CommandName} exec";

    public override int? TopOrder => 2;

    public override bool InterspersedFlags => false;

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("detach", 'd', "Detached mode: run command in the background"),
        ContainerFlags.Typed("detach-keys", null, "string", "Override the key sequence for detaching a container"),
        ContainerFlags.Repeated("env", 'e', "list", "Set environment variables", ValueRules.Validator(v => ValueRules.Env(v, _ => null))),
        ContainerFlags.Repeated("env-file", null, "list", "Read in a file of environment variables"),
        FlagDefinition.Bool("interactive", 'i', "Keep STDIN open even if not attached"),
        FlagDefinition.Bool("privileged", null, "Give extended privileges to the command"),
        FlagDefinition.Bool("tty", 't', "Allocate a pseudo-TTY"),
        ContainerFlags.Typed("user", 'u', "string", "Username or UID (format: \"<name|uid>[:<group|gid>]\")"),
        ContainerFlags.Typed("workdir", 'w', "string", "Working directory inside the container"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 2);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var client = context.Client;
        var container = options.Arguments[0];
        var detach = options.GetBool("detach");
        var request = BuildRequest(context, options);

        // Inspect first: "no such container" takes precedence, and no exec is left behind when the TTY check fails.
        await client.InspectContainerRawAsync(container, size: false, context.Cancellation).ConfigureAwait(false);
        if (!detach)
        {
            ExitStatus.CheckTty(request.AttachStdin, request.Tty, _console.IsInputTerminal);
        }

        if (request.Tty)
        {
            var (height, width) = _console.OutputSize;
            request = request with { ConsoleSize = [height, width] };
        }

        var created = await client.CreateExecAsync(container, request, context.Cancellation).ConfigureAwait(false);
        if (created.Id.Length == 0)
        {
            throw new CliException(1, "exec ID empty");
        }

        var start = new ExecStartRequest { Detach = detach, Tty = request.Tty, ConsoleSize = request.ConsoleSize };
        if (detach)
        {
            await client.StartExecDetachedAsync(created.Id, start, context.Cancellation).ConfigureAwait(false);
            return;
        }

        await RunInteractiveAsync(context, request, created.Id, start).ConfigureAwait(false);
    }

    private async Task RunInteractiveAsync(CommandContext context, ExecCreateRequest request, string execId, ExecStartRequest start)
    {
        var client = context.Client;
        var connection = await client.StartExecAttachedAsync(execId, start, context.Cancellation).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var streaming = new HijackedStreamer(_console).StreamAsync(connection, new StreamEndpoints
            {
                Input = request.AttachStdin ? _console.OpenInput() : null,
                Output = request.AttachStdout ? _console.Output : null,
                Error = request.AttachStderr ? (request.Tty ? _console.Output : _console.Error) : null,
                Tty = request.Tty,
                DetachKeys = request.DetachKeys,
            }, context.Cancellation);
            using var resizer = request.Tty && _console.IsInputTerminal
                ? await TtySizeMonitor.StartAsync(_console, (height, width) => client.ResizeExecAsync(execId, height, width), context.Err).ConfigureAwait(false)
                : null;
            try
            {
                await streaming.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or DetachRequestedException)
            {
                // exec reports a detach as its error, as docker's interactiveExec does.
                throw new CliException(1, ex.Message);
            }
        }

        ExitStatus.ThrowIfFailed(await ExitCodeAsync(client, execId, context.Cancellation).ConfigureAwait(false));
    }

    /// <summary>docker's getExecExitStatus: the exec's exit code; -1 (255) when the daemon went away.</summary>
    private static async Task<int> ExitCodeAsync(WharfClient client, string execId, CancellationToken cancellation)
    {
        try
        {
            var inspect = await client.InspectExecAsync(execId, cancellation).ConfigureAwait(false);
            return inspect.ExitCode ?? 0;
        }
        catch (DaemonUnreachableException)
        {
            return 255;
        }
    }

    /// <summary>docker's parseExec.</summary>
    private static ExecCreateRequest BuildRequest(CommandContext context, ParsedFlags options)
    {
        List<string> environment;
        try
        {
            environment = KeyValueFiles.Read(options.GetList("env-file"), options.GetList("env").Select(value => ValueRules.Env(value, context.Environment.Get)), context.Environment.Get, Environment.CurrentDirectory);
        }
        catch (FormatException ex)
        {
            throw new CliException(1, ex.Message);
        }

        var detach = options.GetBool("detach");
        return new ExecCreateRequest
        {
            User = options.GetString("user", ""),
            Privileged = options.GetBool("privileged"),
            Tty = options.GetBool("tty"),
            Cmd = options.Arguments.Skip(1).ToList(),
            WorkingDir = options.GetString("workdir", ""),
            Env = environment.Count > 0 ? environment : null,
            AttachStdout = !detach,
            AttachStderr = !detach,
            AttachStdin = !detach && options.GetBool("interactive"),
            DetachKeys = DetachKeys.Resolve(options.GetString("detach-keys"), context.Globals.ConfigDirectory) ?? "",
        };
    }
}
