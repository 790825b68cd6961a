using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network inspect</c>: the daemon's documents as one JSON array (or a template each); the failures follow, exit 1.</summary>
public sealed class NetworkInspectCommand : OptionsCommand<NetworkInspectOptions>
{
    public override string Use => "inspect [OPTIONS] NETWORK [NETWORK...]";

    public override string Short => "Display detailed information on one or more networks";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.String("format", 'f', FormatFlags.InspectFormatHelp),
        FlagDefinition.Bool("verbose", 'v', "Verbose output for diagnostics"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override NetworkInspectOptions Bind(ParsedFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return new(new InspectOptions(flags.Arguments, flags.GetString("format"), "network"), flags.GetBool("verbose"));
    }

    public override Task ExecuteAsync(CommandContext context, NetworkInspectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var verbose = options.Verbose;
        return ContainerInspectCommand.InspectAsync(context, options.Inspect, async (client, name, _, cancellation) =>
            await client.InspectNetworkRawAsync(name, verbose, cancellation).ConfigureAwait(false));
    }
}
