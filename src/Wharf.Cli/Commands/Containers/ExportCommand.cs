using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf export</c>: the container's filesystem as a tar, to <c>-o FILE</c> or to stdout (never to a terminal).</summary>
public sealed class ExportCommand : OptionsCommand<ParsedFlags>
{
    private readonly IContainerConsole _console;

    public ExportCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "export [OPTIONS] CONTAINER";

    public override string Short => "Export a container's filesystem as a tar archive";

    public override string Aliases => $"{ProductInfo.CommandName} container export, {ProductInfo.CommandName} export";

    public override IReadOnlyList<FlagDefinition> Flags { get; } = [FlagDefinition.String("output", 'o', "Write to a file, instead of STDOUT")];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var output = options.GetString("output");
        if (string.IsNullOrEmpty(output) && _console.IsOutputTerminal)
        {
            throw new CliException(1, SaveCommand.TerminalRefusal);
        }

        if (!string.IsNullOrEmpty(output) && OutputPaths.Validate(output) is { } invalid)
        {
            throw new CliException(1, "failed to export container: " + invalid);
        }

        var response = await context.Client.ExportContainerAsync(options.Arguments[0], context.Cancellation).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(output))
            {
                await response.Body.CopyToAsync(_console.Output, context.Cancellation).ConfigureAwait(false);
                await _console.Output.FlushAsync(context.Cancellation).ConfigureAwait(false);
                return;
            }

            await OutputPaths.CopyToFileAsync(output, response.Body, context.Cancellation).ConfigureAwait(false);
        }
    }
}
