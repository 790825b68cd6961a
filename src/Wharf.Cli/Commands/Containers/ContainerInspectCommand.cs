using System.Net;
using System.Text.Json;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf container inspect</c>: the raw documents (or a template per container); failures follow on stderr, exit 1.</summary>
public sealed class ContainerInspectCommand : OptionsCommand<InspectOptions>
{
    public override string Use => "inspect [OPTIONS] CONTAINER [CONTAINER...]";

    public override string Short => "Display detailed information on one or more containers";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.String("format", 'f', FormatFlags.InspectFormatHelp),
        FlagDefinition.Bool("size", 's', "Display total file sizes"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override InspectOptions Bind(ParsedFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return new(flags.Arguments, flags.GetString("format"), "container") { Size = flags.GetBool("size") };
    }

    public override Task ExecuteAsync(CommandContext context, InspectOptions options) =>
        InspectAsync(context, options, static (client, name, size, cancellation) => InspectOneAsync(client, name, size, cancellation));

    /// <summary>
    /// docker's inspect.Inspect over any lookup: every name is looked up, the found ones print (JSON array or template),
    /// then the failures, one per line (exit 1). A lookup returns null for "no such object" in the top-level form.
    /// </summary>
    internal static async Task InspectAsync(CommandContext context, InspectOptions options, Func<WharfClient, string, bool, CancellationToken, Task<JsonElement?>> lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lookup);
        var found = new List<JsonElement>();
        var errors = new List<string>();
        foreach (var name in options.Names)
        {
            try
            {
                if (await lookup(context.Client, name, options.Size, context.Cancellation).ConfigureAwait(false) is { } element)
                {
                    found.Add(element);
                }
                else
                {
                    errors.Add("Error: No such object: " + name);
                }
            }
            catch (Exception ex) when (ContainerErrors.IsClientError(ex))
            {
                errors.Add(ContainerErrors.Describe(ex));
            }
        }

        errors.AddRange(InspectWriter.Write(context.Out, found, options.Format));
        if (errors.Count > 0)
        {
            throw new CliException(1, string.Join('\n', errors));
        }
    }

    /// <summary>The top-level <c>inspect</c>'s search: a container first, then an image, then a network; null when none exists.</summary>
    internal static async Task<JsonElement?> InspectAnyAsync(WharfClient client, string name, bool size, CancellationToken cancellation)
    {
        try
        {
            return await client.InspectContainerRawAsync(name, size, cancellation).ConfigureAwait(false);
        }
        catch (WharfApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Not a container: try the next kind, as docker's inspectAll does.
        }

        try
        {
            return await client.InspectImageRawAsync(name, cancellation).ConfigureAwait(false);
        }
        catch (WharfApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Not an image either: networks come next.
        }

        try
        {
            return await client.InspectNetworkRawAsync(name, verbose: false, cancellation).ConfigureAwait(false);
        }
        catch (WharfApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<JsonElement?> InspectOneAsync(WharfClient client, string name, bool size, CancellationToken cancellation) =>
        await client.InspectContainerRawAsync(name, size, cancellation).ConfigureAwait(false);
}
