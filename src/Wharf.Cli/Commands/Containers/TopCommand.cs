using Wharf.Cli.Framework;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf top CONTAINER [ps OPTIONS]</c>: the daemon runs ps with the options; the table is aligned here.</summary>
public sealed class TopCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "top CONTAINER [ps OPTIONS]";

    public override string Short => "Display the running processes of a container";

    public override string Aliases => $"{ProductInfo.CommandName} container top, {ProductInfo.CommandName} top";

    public override bool InterspersedFlags => false;

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var psArguments = string.Join(' ', options.Arguments.Skip(1));
        var top = await context.Client.TopContainerAsync(options.Arguments[0], psArguments, context.Cancellation).ConfigureAwait(false);
        using var table = new TabWriter(context.Out, 20, 1, 3, ' ', TabWriterFlags.None);
        table.Write(string.Join('\t', top.Titles) + "\n");
        foreach (var process in top.Processes)
        {
            table.Write(string.Join('\t', process) + "\n");
        }

        table.Flush();
    }
}
