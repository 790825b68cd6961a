using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network create</c>: docker's runCreate, the new network's ID on stdout.</summary>
public sealed class NetworkCreateCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "create [OPTIONS] NETWORK";

    public override string Short => "Create a network";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("attachable", null, "Enable manual container attachment"),
        ContainerFlags.Repeated("aux-address", null, "map", "Auxiliary IPv4 or IPv6 addresses used by Network driver", defaultValue: "map[]"),
        FlagDefinition.String("config-from", null, "The network from which to copy the configuration"),
        FlagDefinition.Bool("config-only", null, "Create a configuration only network"),
        FlagDefinition.String("driver", 'd', "Driver to manage the Network", "bridge"),
        StringSlice("gateway", "IPv4 or IPv6 Gateway for the master subnet"),
        FlagDefinition.Bool("ingress", null, "Create swarm routing-mesh network"),
        FlagDefinition.Bool("internal", null, "Restrict external access to the network"),
        StringSlice("ip-range", "Allocate container ip from a sub-range"),
        FlagDefinition.String("ipam-driver", null, "IP Address Management Driver", "default"),
        ContainerFlags.Repeated("ipam-opt", null, "map", "Set IPAM driver specific options", defaultValue: "map[]"),
        FlagDefinition.Bool("ipv4", null, "Enable or disable IPv4 address assignment") with { DefaultValue = "true" },
        FlagDefinition.Bool("ipv6", null, "Enable or disable IPv6 address assignment"),
        ContainerFlags.Repeated("label", null, "list", "Set metadata on a network", ValueRules.Validator(ValueRules.Label)),
        ContainerFlags.Repeated("opt", 'o', "map", "Set driver specific options", defaultValue: "map[]"),
        FlagDefinition.String("scope", null, "Control the network's scope"),
        StringSlice("subnet", "Subnet in CIDR format that represents a network segment"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    /// <summary>The request docker's client sends for these flags; IPAM mistakes throw with docker's message.</summary>
    public static NetworkCreateRequest BuildRequest(ParsedFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var ipam = IpamConsolidation.Build(
            flags.GetString("ipam-driver", "default"),
            FlagValues.StringSlice(flags.GetList("subnet")),
            FlagValues.StringSlice(flags.GetList("ip-range")),
            FlagValues.StringSlice(flags.GetList("gateway")),
            FlagValues.KeyValues(flags.GetList("aux-address")),
            FlagValues.KeyValues(flags.GetList("ipam-opt")));
        var configFrom = flags.GetString("config-from", "");
        return new NetworkCreateRequest
        {
            Name = flags.Arguments[0],
            Driver = flags.GetString("driver", "bridge"),
            Scope = flags.GetString("scope", ""),
            EnableIPv4 = flags.Changed("ipv4") ? flags.GetBool("ipv4") : null,
            EnableIPv6 = flags.Changed("ipv6") ? flags.GetBool("ipv6") : null,
            IPAM = ipam,
            Internal = flags.GetBool("internal"),
            Attachable = flags.GetBool("attachable"),
            Ingress = flags.GetBool("ingress"),
            ConfigOnly = flags.GetBool("config-only"),
            ConfigFrom = configFrom.Length > 0 ? new NetworkConfigReference { Network = configFrom } : null,
            Options = FlagValues.KeyValues(flags.GetList("opt")),
            Labels = FlagValues.KeyValues(flags.GetList("label")),
        };
    }

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        NetworkCreateRequest request;
        try
        {
            request = BuildRequest(options);
        }
        catch (FormatException ex)
        {
            throw new CliException(1, ex.Message);
        }

        var response = await context.Client.CreateNetworkAsync(request, context.Cancellation).ConfigureAwait(false);
        await context.Out.WriteLineAsync(response.Id).ConfigureAwait(false);
    }

    private static FlagDefinition StringSlice(string name, string usage) =>
        ContainerFlags.Repeated(name, null, "strings", usage, FlagValues.ValidateStringSlice);
}
