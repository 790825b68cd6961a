using System.Text;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Formatting;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf container prune</c>: docker's runPrune, with its confirmation prompt.</summary>
public sealed class ContainerPruneCommand : OptionsCommand<ParsedFlags>
{
    public const string Warning = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

    private readonly IStandardStreams _streams;

    public ContainerPruneCommand(IStandardStreams? streams = null)
    {
        _streams = streams ?? ProcessStandardStreams.Instance;
    }

    public override string Use => "prune [OPTIONS]";

    public override string Short => "Remove all stopped containers";

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

        var report = await context.Client.PruneContainersAsync(FilterArguments.ToJson(options.GetList("filter")), context.Cancellation).ConfigureAwait(false);
        long reclaimed = 0;
        if (report.ContainersDeleted is { Count: > 0 } deleted)
        {
            var builder = new StringBuilder("Deleted Containers:\n");
            foreach (var id in deleted)
            {
                builder.Append(id).Append('\n');
            }

            await context.Out.WriteAsync(builder.Append('\n').ToString()).ConfigureAwait(false);
            reclaimed = report.SpaceReclaimed;
        }

        await context.Out.WriteAsync("Total reclaimed space: " + Units.HumanSize(reclaimed) + "\n").ConfigureAwait(false);
    }
}
