using System.Text;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Formatting;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Images;

/// <summary><c>wharf image prune</c>: docker's runPrune, confirmation prompt included.</summary>
public sealed class PruneCommand : OptionsCommand<PruneOptions>
{
    public const string DanglingWarning = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";
    public const string AllImagesWarning = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?";

    private readonly IStandardStreams _streams;

    public PruneCommand(IStandardStreams? streams = null)
    {
        _streams = streams ?? ProcessStandardStreams.Instance;
    }

    public override string Use => "prune [OPTIONS]";

    public override string Short => "Remove unused images";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("all", 'a', "Remove all unused images, not just dangling ones"),
        FlagDefinition.List("filter", null, "Provide filter values (e.g. \"until=<timestamp>\")", "filter") with { Validate = FilterArguments.Validate },
        FlagDefinition.Bool("force", 'f', "Do not prompt for confirmation"),
    ];

    public override PruneOptions Bind(ParsedFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return new(flags.GetBool("all"), flags.GetBool("force"), flags.GetList("filter"));
    }

    public override async Task ExecuteAsync(CommandContext context, PruneOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var filters = options.Filters.ToList();
        filters.Add("dangling=" + (options.All ? "false" : "true"));
        if (!options.Force && !await ConfirmAsync(context, _streams, options.All ? AllImagesWarning : DanglingWarning).ConfigureAwait(false))
        {
            // docker 28 treats a refusal as a cancellation: nothing more printed, exit status 0.
            return;
        }

        var report = await context.Client.PruneImagesAsync(FilterArguments.ToJson(filters), context.Cancellation).ConfigureAwait(false);
        long reclaimed = 0;
        if (report.ImagesDeleted is { Count: > 0 } deleted)
        {
            var builder = new StringBuilder("Deleted Images:\n");
            foreach (var item in deleted)
            {
                builder.Append(!string.IsNullOrEmpty(item.Untagged) ? "untagged: " + item.Untagged : "deleted: " + item.Deleted).Append('\n');
            }

            await context.Out.WriteAsync(builder.Append('\n').ToString()).ConfigureAwait(false);
            reclaimed = report.SpaceReclaimed;
        }

        await context.Out.WriteAsync("Total reclaimed space: " + Units.HumanSize(reclaimed) + "\n").ConfigureAwait(false);
    }

    /// <summary>docker's prompt.Confirm: the question with " [y/N] ", one line of input, only "y"/"Y" agrees.</summary>
    internal static async Task<bool> ConfirmAsync(CommandContext context, IStandardStreams streams, string message)
    {
        await context.Out.WriteAsync(message + " [y/N] ").ConfigureAwait(false);
        await context.Out.FlushAsync(context.Cancellation).ConfigureAwait(false);
        var answer = await streams.In.ReadLineAsync(context.Cancellation).ConfigureAwait(false);
        return answer?.Trim() is "y" or "Y";
    }
}
