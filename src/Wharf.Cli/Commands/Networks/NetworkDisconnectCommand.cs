using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network disconnect</c>: docker's runDisconnect; silent on success.</summary>
public sealed class NetworkDisconnectCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "disconnect [OPTIONS] NETWORK CONTAINER";

    public override string Short => "Disconnect a container from a network";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("force", 'f', "Force the container to disconnect from a network"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 2);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return context.Client.DisconnectNetworkAsync(options.Arguments[0], options.Arguments[1], options.GetBool("force"), context.Cancellation);
    }
}
