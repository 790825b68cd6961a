using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network connect</c>: docker's runConnect; silent on success.</summary>
public sealed class NetworkConnectCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "connect [OPTIONS] NETWORK CONTAINER";

    public override string Short => "Connect a container to a network";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        StringSlice("alias", "Add network-scoped alias for the container"),
        StringSlice("driver-opt", "driver options for the network"),
        ContainerFlags.Typed("gw-priority", null, "int", "Highest gw-priority provides the default gateway. Accepts positive and negative values.", ContainerFlags.Signed(64)),
        FlagDefinition.String("ip", null, "IPv4 address (e.g., \"172.30.100.104\")"),
        FlagDefinition.String("ip6", null, "IPv6 address (e.g., \"2001:db8::33\")"),
        ContainerFlags.Repeated("link", null, "list", "Add link to another container", ValueRules.Validator(ValueRules.Link)),
        StringSlice("link-local-ip", "Add a link-local address for the container"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 2);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    /// <summary>The endpoint docker's client sends: aliases and driver options always present, links only when given.</summary>
    public static EndpointSettings BuildEndpoint(ParsedFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var driverOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in FlagValues.StringSlice(flags.GetList("driver-opt")))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : option[..equals].Trim();
            if (key.Length == 0)
            {
                throw new FormatException("invalid key/value pair format in driver options");
            }

            driverOptions[key] = option[(equals + 1)..].Trim();
        }

        var linkLocal = FlagValues.StringSlice(flags.GetList("link-local-ip"));
        var links = flags.GetList("link");
        return new EndpointSettings
        {
            IPAMConfig = new EndpointIpamConfig
            {
                IPv4Address = NullIfEmpty(flags.GetString("ip", "")),
                IPv6Address = NullIfEmpty(flags.GetString("ip6", "")),
                LinkLocalIPs = linkLocal.Count > 0 ? linkLocal : null,
            },
            Links = links.Count > 0 ? [.. links] : null,
            Aliases = FlagValues.StringSlice(flags.GetList("alias")),
            DriverOpts = driverOptions,
            GwPriority = flags.GetString("gw-priority") is { } priority ? (int)GoParse.ParseInt(priority, 64) : 0,
        };
    }

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        EndpointSettings endpoint;
        try
        {
            endpoint = BuildEndpoint(options);
        }
        catch (FormatException ex)
        {
            throw new CliException(1, ex.Message);
        }

        await context.Client.ConnectNetworkAsync(options.Arguments[0], options.Arguments[1], endpoint, context.Cancellation).ConfigureAwait(false);
    }

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;

    private static FlagDefinition StringSlice(string name, string usage) =>
        ContainerFlags.Repeated(name, null, "strings", usage, FlagValues.ValidateStringSlice);
}
