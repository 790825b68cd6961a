using Wharf.Api.Time;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf logs</c>: docker's runLogs: inspect for the TTY setting, then raw or demultiplexed output.</summary>
public sealed class LogsCommand : OptionsCommand<ParsedFlags>
{
    private const string TimeUsage = "(e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)";

    private readonly IContainerConsole _console;

    public LogsCommand(IContainerConsole? console = null)
    {
        _console = console ?? ProcessConsole.Instance;
    }

    public override string Use => "logs [OPTIONS] CONTAINER";

    public override string Short => "Fetch the logs of a container";

    public override string Aliases => $"{ProductInfo.CommandName} container logs, {ProductInfo.CommandName} logs";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("details", null, "Show extra details provided to logs"),
        FlagDefinition.Bool("follow", 'f', "Follow log output"),
        ContainerFlags.Typed("since", null, "string", "Show logs since timestamp " + TimeUsage),
        ContainerFlags.Typed("tail", 'n', "string", "Number of lines to show from the end of the logs", defaultValue: "all"),
        FlagDefinition.Bool("timestamps", 't', "Show timestamps"),
        ContainerFlags.Typed("until", null, "string", "Show logs before a timestamp " + TimeUsage),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var container = await context.Client.InspectContainerAsync(options.Arguments[0], context.Cancellation).ConfigureAwait(false);
        var now = context.Time.GetUtcNow();
        var query = new ContainerLogsQuery
        {
            Follow = options.GetBool("follow"),
            Timestamps = options.GetBool("timestamps"),
            Details = options.GetBool("details"),
            Tail = options.GetString("tail", "all"),
            Since = Timestamp(options.GetString("since"), "since", now),
            Until = Timestamp(options.GetString("until"), "until", now),
        };
        var response = await context.Client.ContainerLogsAsync(container.Id, query, context.Cancellation).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            try
            {
                if (container.Config?.Tty == true)
                {
                    await response.Body.CopyToAsync(_console.Output, context.Cancellation).ConfigureAwait(false);
                    await _console.Output.FlushAsync(context.Cancellation).ConfigureAwait(false);
                }
                else
                {
                    await StdCopy.CopyAsync(response.Body, _console.Output, _console.Error, context.Cancellation).ConfigureAwait(false);
                }
            }
            catch (IOException ex)
            {
                throw new CliException(1, ex.Message);
            }
        }
    }

    /// <summary>The client turns durations and dates into API timestamps; a bad value is its error.</summary>
    private static string? Timestamp(string? value, string name, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return GoTimestamp.GetTimestamp(value, now);
        }
        catch (FormatException ex)
        {
            throw new CliException(1, $"invalid value for \"{name}\": {ex.Message}");
        }
    }
}
