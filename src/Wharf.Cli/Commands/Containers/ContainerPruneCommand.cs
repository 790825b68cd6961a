using Wharf.Cli.Commands.Images;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Formatting;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf container prune</c>: docker's runPrune, with its confirmation prompt.</summary>
public sealed class ContainerPruneCommand(IStandardStreams? streams = null) : ConfirmedPruneCommand(streams)
{
    public const string WarningText = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

    public override string Short => "Remove all stopped containers";

    protected override string Warning => WarningText;

    protected override async Task<string> PruneAsync(CommandContext context, string? filtersJson)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await context.Client.PruneContainersAsync(filtersJson, context.Cancellation).ConfigureAwait(false);
        var reclaimed = report.ContainersDeleted is { Count: > 0 } ? report.SpaceReclaimed : 0;
        return Deleted("Deleted Containers", report.ContainersDeleted) + "Total reclaimed space: " + Units.HumanSize(reclaimed) + "\n";
    }
}
