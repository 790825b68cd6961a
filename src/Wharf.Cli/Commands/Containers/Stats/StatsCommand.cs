using System.Text.Json;
using Wharf.Api;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Containers.Stats;

/// <summary>
/// <c>wharf stats</c>: docker's RunStats. Named containers, or every running one (all with <c>-a</c>) followed
/// through the event stream; one table with <c>--no-stream</c>, else a redraw every half second.
/// </summary>
public sealed class StatsCommand : OptionsCommand<ParsedFlags>
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(500);

    private readonly IContainerConsole _console;

    public StatsCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "stats [OPTIONS] [CONTAINER...]";

    public override string Short => "Display a live stream of container(s) resource usage statistics";

    public override string Aliases => $"{ProductInfo.CommandName} container stats, {ProductInfo.CommandName} stats";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("all", 'a', "Show all containers (default shows just running)"),
        FlagDefinition.String("format", null, FormatFlags.FormatHelp),
        FlagDefinition.Bool("no-stream", null, "Disable streaming stats and only pull the first result"),
        FlagDefinition.Bool("no-trunc", null, "Do not truncate output"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => null;

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var stream = !options.GetBool("no-stream");
        var all = options.GetBool("all");
        var showAll = options.Arguments.Count == 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        var collectors = new List<StatsCollector>();
        var tasks = new List<Task>();

        void Add(string container)
        {
            lock (collectors)
            {
                if (collectors.Any(c => c.Container == container))
                {
                    return;
                }

                var collector = new StatsCollector(container);
                collectors.Add(collector);
                tasks.Add(collector.RunAsync(context.Client, stream, stop.Token));
            }
        }

        void Remove(string container)
        {
            lock (collectors)
            {
                collectors.RemoveAll(c => c.Container == container);
            }
        }

        Task? events = null;
        try
        {
            if (showAll)
            {
                // Subscribed before listing, so a container started in between is not missed.
                events = FollowEventsAsync(context, all, Add, Remove, stop.Token);
                var listed = await context.Client.ListContainersAsync(all, 0, false, null, context.Cancellation).ConfigureAwait(false);
                foreach (var container in listed)
                {
                    Add(container.Id);
                }

                await WaitForFirstSamplesAsync(collectors).ConfigureAwait(false);
            }
            else
            {
                foreach (var container in options.Arguments)
                {
                    Add(container);
                }

                await WaitForFirstSamplesAsync(collectors).ConfigureAwait(false);
                var errors = collectors.Select(c => c.Error).OfType<Exception>().ToList();
                if (errors.Count > 0)
                {
                    throw new CliException(1, string.Join('\n', errors.Select(ContainerErrors.Describe)));
                }
            }

            var format = options.GetString("format");
            var truncate = !options.GetBool("no-trunc");
            if (!stream)
            {
                var entries = Snapshot(collectors);
                if (entries.Count > 0 || !showAll)
                {
                    await context.Out.WriteAsync(Render(entries, format, truncate)).ConfigureAwait(false);
                }

                return;
            }

            while (true)
            {
                await Task.Delay(RedrawInterval, context.Cancellation).ConfigureAwait(false);
                var entries = Snapshot(collectors);
                await context.Out.WriteAsync(StatsRenderer.Frame(Render(entries, format, truncate))).ConfigureAwait(false);
                await context.Out.FlushAsync(context.Cancellation).ConfigureAwait(false);
                if (entries.Count == 0 && !showAll)
                {
                    return;
                }

                if (events is { IsCompleted: true })
                {
                    // The event stream ending means the daemon went away; docker exits quietly then.
                    return;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static string Render(IReadOnlyList<StatsEntry> entries, string? format, bool truncate)
    {
        try
        {
            return StatsRenderer.Render(entries, format, truncate);
        }
        catch (TemplateException ex)
        {
            throw new CliException(1, "template parsing error: " + ex.Message);
        }
    }

    private static List<StatsEntry> Snapshot(List<StatsCollector> collectors)
    {
        lock (collectors)
        {
            return collectors.Select(c => c.Snapshot).ToList();
        }
    }

    private static Task WaitForFirstSamplesAsync(List<StatsCollector> collectors)
    {
        lock (collectors)
        {
            return Task.WhenAll(collectors.Select(c => c.FirstSample.Task));
        }
    }

    /// <summary>docker's event handlers: start adds, create adds with <c>-a</c>, die removes without it.</summary>
    private static async Task FollowEventsAsync(CommandContext context, bool all, Action<string> add, Action<string> remove, CancellationToken stop)
    {
        var filters = Commands.System.FilterArguments.ToJson(["type=container"]);
        try
        {
            await foreach (var line in context.Client.StreamEventsAsync(null, null, filters, stop).ConfigureAwait(false))
            {
                var message = JsonSerializer.Deserialize(line, WharfJsonContext.Default.EventMessage);
                var id = message?.Actor.ID is { Length: > 0 } actor ? actor : message?.Id;
                if (message is null || string.IsNullOrEmpty(id))
                {
                    continue;
                }

                switch (message.Action)
                {
                    case "start":
                    case "create" when all:
                        add(id);
                        break;
                    case "die" when !all:
                        remove(id);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or JsonException || ContainerErrors.IsClientError(ex))
        {
            // The loop above notices the stream has ended.
        }
    }
}
