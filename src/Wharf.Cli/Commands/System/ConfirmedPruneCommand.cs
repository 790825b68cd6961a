using System.Text;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.System;

/// <summary>
/// docker's runPrune as `container prune` and `network prune` share it: <c>--filter</c>, <c>-f</c>, the confirmation
/// prompt (a refusal ends quietly with exit status 0), then the report the subclass writes.
/// </summary>
public abstract class ConfirmedPruneCommand : OptionsCommand<ParsedFlags>
{
    private readonly IStandardStreams _streams;

    protected ConfirmedPruneCommand(IStandardStreams? streams)
    {
        _streams = streams ?? ProcessStandardStreams.Instance;
    }

    public override string Use => "prune [OPTIONS]";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.List("filter", null, "Provide filter values (e.g. \"until=<timestamp>\")", "filter") with { Validate = FilterArguments.Validate },
        FlagDefinition.Bool("force", 'f', "Do not prompt for confirmation"),
    ];

    /// <summary>The prompt's text, without docker's " [y/N] ".</summary>
    protected abstract string Warning { get; }

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.GetBool("force") && !await PruneCommand.ConfirmAsync(context, _streams, Warning).ConfigureAwait(false))
        {
            // docker 28 treats a refusal as a cancellation: nothing more printed, exit status 0.
            return;
        }

        var report = await PruneAsync(context, FilterArguments.ToJson(options.GetList("filter"))).ConfigureAwait(false);
        await context.Out.WriteAsync(report).ConfigureAwait(false);
    }

    /// <summary>Asks the daemon to prune and returns what docker prints about it.</summary>
    protected abstract Task<string> PruneAsync(CommandContext context, string? filtersJson);

    /// <summary>"Deleted Things:" and one name per line; docker prints the report with Println, hence the blank line after it.</summary>
    protected static string Deleted(string title, IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return "";
        }

        var builder = new StringBuilder(title).Append(":\n");
        foreach (var name in names)
        {
            builder.Append(name).Append('\n');
        }

        return builder.Append('\n').ToString();
    }
}
