using System.Text.Json;
using Wharf.Api;

namespace Wharf.Client;

/// <summary>The <c>/networks</c> calls, with the paths, query parameters and bodies docker's client sends.</summary>
public sealed partial class WharfClient
{
    /// <summary>
    /// <c>POST /networks/create</c>. Daemons older than API 1.44 only refuse a duplicate name when asked, so docker's
    /// client asks them (CheckDuplicate); newer ones always refuse and deprecate the field.
    /// </summary>
    public async Task<NetworkCreateResponse> CreateNetworkAsync(NetworkCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await NegotiateApiVersionAsync(cancellationToken).ConfigureAwait(false);
        if (CompareVersions(version, "1.44") < 0)
        {
            request = request with { CheckDuplicate = true };
        }

        return await SendAsync("POST", "/networks/create", null, request, WharfJsonContext.Default.NetworkCreateRequest, WharfJsonContext.Default.NetworkCreateResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /networks?filters=</c>.</summary>
    public Task<IReadOnlyList<NetworkResource>> ListNetworksAsync(string? filtersJson, CancellationToken cancellationToken = default) =>
        SendAsync("GET", "/networks", [new("filters", NullIfEmpty(filtersJson))], WharfJsonContext.Default.IReadOnlyListNetworkResource, cancellationToken);

    /// <summary><c>GET /networks/{id}?verbose=true</c> as the daemon wrote it (inspect prints the raw document).</summary>
    public async Task<JsonElement> InspectNetworkRawAsync(string id, bool verbose, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("GET", NetworkPath(id, ""), [new("verbose", verbose ? "true" : null)], ReadOnlyMemory<byte>.Empty, null, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            using var document = await JsonDocument.ParseAsync(response.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
    }

    /// <summary><c>GET /networks/{id}</c>.</summary>
    public Task<NetworkResource> InspectNetworkAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync("GET", NetworkPath(id, ""), null, WharfJsonContext.Default.NetworkResource, cancellationToken);

    /// <summary><c>DELETE /networks/{id}</c>.</summary>
    public Task RemoveNetworkAsync(string id, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("DELETE", NetworkPath(id, ""), null, cancellationToken);

    /// <summary><c>POST /networks/{id}/connect</c>.</summary>
    public Task ConnectNetworkAsync(string network, string container, EndpointSettings? endpoint, CancellationToken cancellationToken = default)
    {
        var body = new NetworkConnectRequest { Container = container, EndpointConfig = endpoint };
        return SendJsonWithoutAnswerAsync(NetworkPath(network, "/connect"), JsonSerializer.SerializeToUtf8Bytes(body, WharfJsonContext.Default.NetworkConnectRequest), cancellationToken);
    }

    /// <summary><c>POST /networks/{id}/disconnect</c>.</summary>
    public Task DisconnectNetworkAsync(string network, string container, bool force, CancellationToken cancellationToken = default)
    {
        var body = new NetworkDisconnectRequest { Container = container, Force = force };
        return SendJsonWithoutAnswerAsync(NetworkPath(network, "/disconnect"), JsonSerializer.SerializeToUtf8Bytes(body, WharfJsonContext.Default.NetworkDisconnectRequest), cancellationToken);
    }

    /// <summary><c>POST /networks/prune?filters=</c>.</summary>
    public Task<NetworkPruneResponse> PruneNetworksAsync(string? filtersJson, CancellationToken cancellationToken = default) =>
        SendAsync("POST", "/networks/prune", [new("filters", NullIfEmpty(filtersJson))], WharfJsonContext.Default.NetworkPruneResponse, cancellationToken);

    private async Task SendJsonWithoutAnswerAsync(string path, byte[] payload, CancellationToken cancellationToken)
    {
        var response = await SendAsync("POST", path, null, payload, "application/json", cancellationToken).ConfigureAwait(false);
        await response.DisposeAsync().ConfigureAwait(false);
    }

    private static string NetworkPath(string id, string suffix) => "/networks/" + EscapePathName(id) + suffix;
}
