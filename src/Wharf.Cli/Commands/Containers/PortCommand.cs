using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf port CONTAINER [PRIVATE_PORT[/PROTO]]</c>: the published addresses, naturally sorted.</summary>
public sealed class PortCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "port CONTAINER [PRIVATE_PORT[/PROTO]]";

    public override string Short => "List port mappings or a specific mapping for the container";

    public override string Aliases => $"{ProductInfo.CommandName} container port, {ProductInfo.CommandName} port";

    public override string? ValidateArguments(IReadOnlyList<string> arguments) =>
        arguments.Count is >= 1 and <= 2 ? null : "requires at least 1 and at most 2 arguments";

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var name = options.Arguments[0];
        var container = await context.Client.InspectContainerAsync(name, context.Cancellation).ConfigureAwait(false);
        var ports = container.NetworkSettings?.Ports ?? [];
        var lines = new List<string>();
        if (options.Arguments.Count > 1)
        {
            var requested = options.Arguments[1];
            var slash = requested.IndexOf('/', StringComparison.Ordinal);
            var port = slash >= 0 ? requested[..slash] : requested;
            var protocol = slash >= 0 ? requested[(slash + 1)..] : "";
            if (protocol.Length == 0)
            {
                protocol = "tcp";
            }

            if (!GoParse.TryParseDecimalUint(port, 16, out _))
            {
                throw new CliException(1, $"Error: invalid port ({port}): {GoParse.DecimalUintError(port, 16)}");
            }

            if (!ports.TryGetValue(port + "/" + protocol, out var frontends) || frontends is not { Count: > 0 })
            {
                throw new CliException(1, $"Error: No public port '{requested}' published for {name}");
            }

            lines.AddRange(frontends.Select(frontend => PortsDisplay.JoinHostPort(frontend.HostIp, frontend.HostPort)));
        }
        else
        {
            foreach (var (from, frontends) in ports)
            {
                lines.AddRange((frontends ?? []).Select(frontend => from + " -> " + PortsDisplay.JoinHostPort(frontend.HostIp, frontend.HostPort)));
            }
        }

        if (lines.Count > 0)
        {
            lines.Sort(NaturalOrder.Compare);
            await context.Out.WriteLineAsync(string.Join('\n', lines)).ConfigureAwait(false);
        }
    }
}
