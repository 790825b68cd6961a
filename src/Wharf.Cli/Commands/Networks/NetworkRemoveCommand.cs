using System.Net;
using System.Text.Json;
using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Networks;

/// <summary>
/// <c>wharf network rm</c> / <c>remove</c>: docker's runRemove, one network after another. Each is inspected first so
/// removing the swarm routing mesh asks before it goes; a failure is printed and the rest still go; any failure ends
/// with docker's bare "exit status 1".
/// </summary>
public sealed class NetworkRemoveCommand : OptionsCommand<ParsedFlags>
{
    public const string IngressWarning = "WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?";

    private readonly string _name;
    private readonly IStandardStreams _streams;

    /// <param name="name">"rm" or its hidden alias "remove".</param>
    public NetworkRemoveCommand(string name = "rm", IStandardStreams? streams = null)
    {
        _name = name;
        _streams = streams ?? ProcessStandardStreams.Instance;
    }

    public override string Use => _name + " NETWORK [NETWORK...]";

    public override string Short => "Remove one or more networks";

    public override string Aliases => $"{ProductInfo.CommandName} network rm, {ProductInfo.CommandName} network remove";

    public override bool Hidden => _name == "remove";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("force", 'f', "Do not error if the network does not exist"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var force = options.GetBool("force");
        var failed = false;
        foreach (var name in options.Arguments)
        {
            if (await IsIngressAsync(context, name).ConfigureAwait(false)
                && !await PruneCommand.ConfirmAsync(context, _streams, IngressWarning).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await context.Client.RemoveNetworkAsync(name, context.Cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (ContainerErrors.IsClientError(ex))
            {
                if (force && ex is WharfApiException { StatusCode: HttpStatusCode.NotFound })
                {
                    continue;
                }

                await context.Err.WriteLineAsync(ContainerErrors.Describe(ex)).ConfigureAwait(false);
                failed = true;
                continue;
            }

            await context.Out.WriteLineAsync(name).ConfigureAwait(false);
        }

        if (failed)
        {
            // docker returns a StatusError without a message, which prints as its exit status.
            throw new CliException(1, "exit status 1");
        }
    }

    /// <summary>Whether the network is the routing mesh; a failed lookup is left for the removal to report.</summary>
    private static async Task<bool> IsIngressAsync(CommandContext context, string name)
    {
        try
        {
            var network = await context.Client.InspectNetworkAsync(name, context.Cancellation).ConfigureAwait(false);
            return network.Ingress;
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex) || ex is JsonException)
        {
            return false;
        }
    }
}
