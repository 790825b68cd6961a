using Wharf.Client;

namespace Wharf.Cli.Framework;

/// <summary>
/// Runs one command line the way docker/cli does: global flags up to the command, the command path,
/// the command's flags, then the command; every failure becomes docker's message and exit status.
/// </summary>
public sealed class CliApplication
{
    /// <summary>pflag/cobra flag errors.</summary>
    public const int FlagErrorExitCode = 125;

    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly CliEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly Func<CliCommand, CliCommand> _buildTree;

    public CliApplication(TextWriter output, TextWriter error, CliEnvironment environment, TimeProvider time, Func<CliCommand, CliCommand>? buildTree = null)
    {
        _out = output;
        _err = error;
        _environment = environment;
        _time = time;
        _buildTree = buildTree ?? Commands.CommandCatalog.AddAll;
    }

    /// <summary>Help is wrapped to the terminal width (docker asks the terminal; 80 when there is none).</summary>
    public int TerminalWidth { get; init; } = 80;

    /// <summary>Creates the API client; tests point it at a fake daemon.</summary>
    public Func<GlobalOptions, WharfClient> ClientFactory { get; init; } = DefaultClientFactory;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellation = default)
    {
        var root = _buildTree(new RootCommand(GlobalFlags.DefaultConfigDirectory(_environment)));
        try
        {
            return await DispatchAsync(root, args, cancellation).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            return Fail(ex.Message, ex.ExitCode);
        }
        catch (DaemonUnreachableException ex)
        {
            return Fail(ex.Message, 1);
        }
        catch (WharfApiException ex)
        {
            return Fail("Error response from daemon: " + ex.Message, 1);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl-C: the shell's convention for a SIGINT exit, nothing to report.
            return 130;
        }
    }

    private async Task<int> DispatchAsync(CliCommand root, IReadOnlyList<string> args, CancellationToken cancellation)
    {
        ParsedFlags globalFlags;
        try
        {
            globalFlags = FlagParser.Parse(root.Flags, args, interspersed: false);
        }
        catch (FlagParseException ex)
        {
            throw FlagError(root, ex);
        }

        if (globalFlags.HelpRequested)
        {
            return WriteHelp(root, _out, globalFlags.ShorthandHelpUsed);
        }

        if (globalFlags.GetBool("version"))
        {
            await _out.WriteLineAsync(ProductInfo.VersionLine).ConfigureAwait(false);
            return 0;
        }

        var globals = GlobalFlags.Resolve(globalFlags, _environment);
        var rest = globalFlags.Arguments;
        if (rest.Count == 0)
        {
            return WriteHelp(root, _err, false);
        }

        if (rest[0] == "help")
        {
            return Help(root, rest.Skip(1).ToList());
        }

        var command = root;
        var index = 0;
        while (command.HasSubcommands && index < rest.Count && !rest[index].StartsWith('-'))
        {
            var next = command.FindSubcommand(rest[index]);
            if (next is null)
            {
                throw UnknownCommand(command, rest[index]);
            }

            command = next;
            index++;
        }

        ParsedFlags flags;
        try
        {
            flags = FlagParser.Parse(command.Flags, rest.Skip(index).ToList(), interspersed: command.InterspersedFlags);
        }
        catch (FlagParseException ex)
        {
            throw FlagError(command, ex);
        }

        // run/create declare their own --help because -h is --hostname there.
        if (flags.HelpRequested || (flags.Changed("help") && flags.GetBool("help")))
        {
            return WriteHelp(command, _out, flags.ShorthandHelpUsed);
        }

        if (!command.Runnable)
        {
            if (flags.Arguments.Count > 0)
            {
                throw UnknownCommand(command, flags.Arguments[0]);
            }

            return WriteHelp(command, _err, false);
        }

        if (command.ValidateArguments(flags.Arguments) is { } complaint)
        {
            // docker 28's RequiresMinArgs says "See …", every other argument rule "Run …".
            var verb = complaint.StartsWith("requires at least ", StringComparison.Ordinal) && !complaint.Contains(" at most ", StringComparison.Ordinal) ? "See" : "Run";
            throw new CliException(1, $"{ProductInfo.CommandName}: '{command.CommandPath}' {complaint}\n\nUsage:  {command.UseLine}\n\n{verb} '{command.CommandPath} --help' for more information");
        }

        var context = new CommandContext(_out, _err, globals, _environment, _time, ClientFactory, cancellation);
        await command.RunAsync(context, flags).ConfigureAwait(false);
        return 0;
    }

    private int Help(CliCommand root, List<string> topic)
    {
        var command = root;
        foreach (var name in topic)
        {
            command = command.FindSubcommand(name) ?? throw new CliException(1, "unknown help topic: " + string.Join(' ', topic));
        }

        return WriteHelp(command, _out, false);
    }

    private int WriteHelp(CliCommand command, TextWriter writer, bool shorthandUsed)
    {
        if (shorthandUsed)
        {
            _out.WriteLine("Flag shorthand -h has been deprecated, use --help");
        }

        writer.Write(HelpWriter.Render(command, TerminalWidth));
        return 0;
    }

    private int Fail(string message, int exitCode)
    {
        if (message.Length > 0)
        {
            _err.WriteLine(message);
        }

        return exitCode;
    }

    private static CliException FlagError(CliCommand command, FlagParseException error) =>
        new(FlagErrorExitCode, $"{error.Message}\n\nUsage:  {command.UseLine}\n\nRun '{command.CommandPath} --help' for more information");

    private static CliException UnknownCommand(CliCommand parent, string name)
    {
        var message = $"{ProductInfo.CommandName}: unknown command: {parent.CommandPath} {name}\n\n";
        if (parent.Parent is not null)
        {
            message += $"Usage:  {parent.UseLine}\n\n";
        }

        return new CliException(1, message + $"Run '{parent.CommandPath} --help' for more information");
    }

    private static WharfClient DefaultClientFactory(GlobalOptions globals) => new(new WharfClientOptions
    {
        Host = globals.Host,
        Tls = globals.Tls,
        ApiVersion = globals.ApiVersion,
        UserAgent = $"Wharf-Client/{ProductInfo.Version} (linux)",
    });
}
