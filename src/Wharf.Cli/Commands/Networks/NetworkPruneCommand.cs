using Wharf.Cli.Commands.Images;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network prune</c>: docker's runPrune, with its confirmation prompt; prints the removed networks' names.</summary>
public sealed class NetworkPruneCommand(IStandardStreams? streams = null) : ConfirmedPruneCommand(streams)
{
    public const string WarningText = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";

    public override string Short => "Remove all unused networks";

    protected override string Warning => WarningText;

    protected override async Task<string> PruneAsync(CommandContext context, string? filtersJson)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await context.Client.PruneNetworksAsync(filtersJson, context.Cancellation).ConfigureAwait(false);
        return Deleted("Deleted Networks", report.NetworksDeleted);
    }
}
