using Wharf.Client.Http;

namespace Wharf.Client;

/// <summary><c>POST /images/create?fromImage=</c>: pulling, as <c>run</c>/<c>create</c> do for a missing image.</summary>
public sealed partial class WharfClient
{
    /// <summary>
    /// Docker sends the fully qualified repository (<c>docker.io/library/busybox</c>) and the tag apart, with an empty
    /// registry auth (<c>e30=</c>, base64 of <c>{}</c>) when it has no credentials. The open response's body is the
    /// JSON progress stream.
    /// </summary>
    public async Task<HttpResponse> PullImageAsync(string repository, string tag, string? platform, CancellationToken cancellationToken = default)
    {
        var version = await NegotiateApiVersionAsync(cancellationToken).ConfigureAwait(false);
        var query = new List<KeyValuePair<string, string?>>
        {
            new("fromImage", repository),
            new("platform", NullIfEmpty(platform)?.ToLowerInvariant()),
            new("tag", NullIfEmpty(tag)),
        };
        var request = new HttpRequest("POST", "/v" + version + "/images/create" + QueryString.Build(query))
        {
            Headers = [new("X-Registry-Auth", "e30=")],
        };
        var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            return response;
        }

        await using (response.ConfigureAwait(false))
        {
            throw await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
