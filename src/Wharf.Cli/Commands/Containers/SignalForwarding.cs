using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>docker's ForwardAllSignals: every caught signal becomes <c>POST /containers/{id}/kill?signal=NAME</c>; failures are ignored.</summary>
public static class SignalForwarding
{
    public static IDisposable Start(IContainerConsole console, WharfClient client, string containerId)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(client);
        return console.CatchSignals(signal => _ = ForwardAsync(client, containerId, signal));
    }

    private static async Task ForwardAsync(WharfClient client, string containerId, string signal)
    {
        try
        {
            await client.KillContainerAsync(containerId, signal, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex))
        {
            // docker only logs "Error sending signal" at debug level.
        }
    }
}
