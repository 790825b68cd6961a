using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf create</c> / <c>wharf container create</c>: docker's runCreate; prints the new container's ID.</summary>
public sealed class CreateCommand : OptionsCommand<ContainerRunOptions>
{
    private readonly IContainerConsole _console;

    public CreateCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "create [OPTIONS] IMAGE [COMMAND] [ARG...]";

    public override string Short => "Create a new container";

    public override string Aliases => $"{ProductInfo.CommandName} container create, {ProductInfo.CommandName} create";

    public override bool InterspersedFlags => false;

    public override IReadOnlyList<FlagDefinition> Flags { get; } = ContainerFlags.ForCreate();

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ContainerRunOptions Bind(ParsedFlags flags) => new(flags);

    public override async Task ExecuteAsync(CommandContext context, ContainerRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var spec = ParseSpec(context, options.Flags, _console, ProductInfo.CommandName + " create");
        string id;
        try
        {
            id = await ContainerCreator.CreateAsync(context, spec).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            throw new CliException(1, ex.Message);
        }

        await context.Out.WriteLineAsync(id).ConfigureAwait(false);
    }

    /// <summary>The pull option, then the flags; a problem is docker's "docker: …" with the help hint, status 125.</summary>
    internal static ContainerSpec ParseSpec(CommandContext context, ParsedFlags flags, IContainerConsole console, string commandPath)
    {
        try
        {
            ContainerSpecParser.ValidatePull(flags.GetString("pull", "missing"));
            var parser = new ContainerSpecParser(context.Environment.Get, Environment.CurrentDirectory) { ConsoleSize = console.OutputSize };
            return parser.Parse(flags, flags.Arguments);
        }
        catch (FormatException ex)
        {
            throw ContainerErrors.WithHelp(ex.Message, commandPath);
        }
    }
}
