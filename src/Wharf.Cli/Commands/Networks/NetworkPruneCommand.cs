using System.Text;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network prune</c>: docker's runPrune, with its confirmation prompt; prints the removed networks' names.</summary>
public sealed class NetworkPruneCommand : OptionsCommand<ParsedFlags>
{
    public const string Warning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";

    private readonly IStandardStreams _streams;

    public NetworkPruneCommand(IStandardStreams? streams = null)
    {
        _streams = streams ?? ProcessStandardStreams.Instance;
    }

    public override string Use => "prune [OPTIONS]";

    public override string Short => "Remove all unused networks";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.List("filter", null, "Provide filter values (e.g. \"until=<timestamp>\")", "filter") with { Validate = FilterArguments.Validate },
        FlagDefinition.Bool("force", 'f', "Do not prompt for confirmation"),
    ];

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

        var report = await context.Client.PruneNetworksAsync(FilterArguments.ToJson(options.GetList("filter")), context.Cancellation).ConfigureAwait(false);
        if (report.NetworksDeleted is { Count: > 0 } deleted)
        {
            var builder = new StringBuilder("Deleted Networks:\n");
            foreach (var name in deleted)
            {
                builder.Append(name).Append('\n');
            }

            // docker prints the report with Println, hence the blank line after the names.
            await context.Out.WriteAsync(builder.Append('\n').ToString()).ConfigureAwait(false);
        }
    }
}
