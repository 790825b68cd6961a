using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf diff</c>: one line per change, "C", "A" or "D" and the path.</summary>
public sealed class DiffCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "diff CONTAINER";

    public override string Short => "Inspect changes to files or directories on a container's filesystem";

    public override string Aliases => $"{ProductInfo.CommandName} container diff, {ProductInfo.CommandName} diff";

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var changes = await context.Client.ContainerChangesAsync(options.Arguments[0], context.Cancellation).ConfigureAwait(false);
        foreach (var change in changes)
        {
            await context.Out.WriteLineAsync(KindLetter(change.Kind) + " " + change.Path).ConfigureAwait(false);
        }
    }

    /// <summary>The API's change kinds: 0 modified, 1 added, 2 deleted.</summary>
    public static string KindLetter(int kind) => kind switch
    {
        0 => "C",
        1 => "A",
        2 => "D",
        _ => "",
    };
}
