using System.Net;
using System.Text.RegularExpressions;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// docker/cli's createContainer, shared by create and run: warnings, the cidfile, pulling (<c>--pull always</c>, or a
/// missing image with the default <c>--pull missing</c>), the create call and the daemon's warnings.
/// </summary>
public static partial class ContainerCreator
{
    /// <summary>Returns the new container's ID. Client-side problems throw <see cref="FormatException"/>; daemon ones the client's exceptions.</summary>
    public static async Task<string> CreateAsync(CommandContext context, ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);
        var request = spec.Request;
        WarnOnLocalhostDns(request.HostConfig?.Dns, context.Err);

        using var cidFile = CidFile.Open(request.HostConfig?.ContainerIDFile);
        var reference = ImageReference.TryParseNamed(request.Image);
        if (spec.Pull == "always" && reference is not null)
        {
            await PullAsync(context, reference, spec).ConfigureAwait(false);
        }

        Wharf.Api.ContainerCreateResponse response;
        try
        {
            response = await context.Client.CreateContainerAsync(request, spec.Name, spec.Platform, context.Cancellation).ConfigureAwait(false);
        }
        catch (WharfApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && reference is not null && spec.Pull == "missing")
        {
            if (!spec.Quiet)
            {
                // Only the ID goes to stdout.
                await context.Err.WriteLineAsync($"Unable to find image '{reference.FamiliarWithDefaultTag}' locally").ConfigureAwait(false);
            }

            await PullAsync(context, reference, spec).ConfigureAwait(false);
            response = await context.Client.CreateContainerAsync(request, spec.Name, spec.Platform, context.Cancellation).ConfigureAwait(false);
        }

        foreach (var warning in response.Warnings)
        {
            await context.Err.WriteLineAsync("WARNING: " + warning).ConfigureAwait(false);
        }

        cidFile.Write(response.Id);
        return response.Id;
    }

    /// <summary>A pull failure reported in the progress stream surfaces as the same error a refused request gives.</summary>
    private static async Task PullAsync(CommandContext context, ImageReference reference, ContainerSpec spec)
    {
        var response = await context.Client.PullImageAsync(reference.Repository, reference.PullTag, spec.Platform, context.Cancellation).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            var output = spec.Quiet ? TextWriter.Null : context.Err;
            try
            {
                await new JsonMessageDisplay(output, isTerminal: false, terminalWidth: 80).DisplayAsync(response.Body, context.Cancellation).ConfigureAwait(false);
            }
            catch (CliException ex)
            {
                throw new IOException(ex.Message, ex);
            }
        }
    }

    private static void WarnOnLocalhostDns(IReadOnlyList<string>? servers, TextWriter error)
    {
        if (servers?.FirstOrDefault(server => LocalhostPattern().IsMatch(server)) is { } localhost)
        {
            error.WriteLine($"WARNING: Localhost DNS ({localhost}) may fail in containers.");
        }
    }

    [GeneratedRegex(@"((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)")]
    private static partial Regex LocalhostPattern();
}
