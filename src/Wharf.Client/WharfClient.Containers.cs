using System.Globalization;
using System.Net;
using System.Text.Json;
using Wharf.Api;
using Wharf.Client.Http;

namespace Wharf.Client;

/// <summary>
/// The <c>/containers</c> and <c>/exec</c> calls, with the paths and query parameters docker's client sends
/// (parameters in Go's url.Values order, i.e. sorted by name).
/// </summary>
public sealed partial class WharfClient
{
    /// <summary><c>POST /containers/create?name=&amp;platform=</c>.</summary>
    public Task<ContainerCreateResponse> CreateContainerAsync(ContainerCreateRequest request, string? name, string? platform, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("name", NullIfEmpty(name)),
            new("platform", NullIfEmpty(platform)),
        };
        return SendAsync("POST", "/containers/create", query, request, WharfJsonContext.Default.ContainerCreateRequest, WharfJsonContext.Default.ContainerCreateResponse, cancellationToken);
    }

    /// <summary><c>GET /containers/{id}/json</c> as the daemon wrote it (inspect prints the raw document).</summary>
    public async Task<JsonElement> InspectContainerRawAsync(string id, bool size, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("GET", ContainerPath(id, "/json"), [new("size", size ? "1" : null)], ReadOnlyMemory<byte>.Empty, null, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            using var document = await JsonDocument.ParseAsync(response.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
    }

    /// <summary><c>GET /containers/{id}/json</c>.</summary>
    public Task<ContainerInspect> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync("GET", ContainerPath(id, "/json"), null, WharfJsonContext.Default.ContainerInspect, cancellationToken);

    /// <summary><c>GET /containers/json?all=1&amp;limit=&amp;size=1&amp;filters=</c>; a limit of 0 or less is not sent.</summary>
    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(bool all, int limit, bool size, string? filtersJson, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("all", all ? "1" : null),
            new("filters", NullIfEmpty(filtersJson)),
            new("limit", limit > 0 ? limit.ToString(CultureInfo.InvariantCulture) : null),
            new("size", size ? "1" : null),
        };
        return SendAsync("GET", "/containers/json", query, WharfJsonContext.Default.IReadOnlyListContainerSummary, cancellationToken);
    }

    /// <summary><c>POST /containers/{id}/start</c>.</summary>
    public Task StartContainerAsync(string id, string? checkpoint = null, string? checkpointDirectory = null, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/start"), [new("checkpoint", NullIfEmpty(checkpoint)), new("checkpoint-dir", NullIfEmpty(checkpointDirectory))], cancellationToken);

    /// <summary><c>POST /containers/{id}/stop?signal=&amp;t=</c>.</summary>
    public Task StopContainerAsync(string id, string? signal, int? timeoutSeconds, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/stop"), StopQuery(signal, timeoutSeconds), cancellationToken);

    /// <summary><c>POST /containers/{id}/restart?signal=&amp;t=</c>.</summary>
    public Task RestartContainerAsync(string id, string? signal, int? timeoutSeconds, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/restart"), StopQuery(signal, timeoutSeconds), cancellationToken);

    /// <summary><c>POST /containers/{id}/kill?signal=</c>.</summary>
    public Task KillContainerAsync(string id, string? signal, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/kill"), [new("signal", NullIfEmpty(signal))], cancellationToken);

    /// <summary><c>POST /containers/{id}/pause</c>.</summary>
    public Task PauseContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/pause"), null, cancellationToken);

    /// <summary><c>POST /containers/{id}/unpause</c>.</summary>
    public Task UnpauseContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/unpause"), null, cancellationToken);

    /// <summary><c>DELETE /containers/{id}?force=1&amp;link=1&amp;v=1</c>.</summary>
    public Task RemoveContainerAsync(string id, bool force, bool removeVolumes, bool removeLinks, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("force", force ? "1" : null),
            new("link", removeLinks ? "1" : null),
            new("v", removeVolumes ? "1" : null),
        };
        return SendEmptyAsync("DELETE", ContainerPath(id, ""), query, cancellationToken);
    }

    /// <summary><c>POST /containers/{id}/rename?name=</c>.</summary>
    public Task RenameContainerAsync(string id, string newName, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/rename"), [new("name", newName)], cancellationToken);

    /// <summary><c>POST /containers/{id}/resize?h=&amp;w=</c>.</summary>
    public Task ResizeContainerAsync(string id, int height, int width, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ContainerPath(id, "/resize"), SizeQuery(height, width), cancellationToken);

    /// <summary><c>POST /containers/{id}/wait?condition=</c>, read to the end: what <c>docker wait</c> does.</summary>
    public async Task<ContainerWaitResponse> WaitContainerAsync(string id, string? condition, CancellationToken cancellationToken = default)
    {
        var pending = await BeginWaitContainerAsync(id, condition, cancellationToken).ConfigureAwait(false);
        return await pending.ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /containers/{id}/wait?condition=</c> in two steps, as docker's client: the outer task completes once the
    /// daemon answered the head (the waiter is registered, so a start that follows cannot be missed), the inner one
    /// when the container reached the condition.
    /// </summary>
    public async Task<Task<ContainerWaitResponse>> BeginWaitContainerAsync(string id, string? condition, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("POST", ContainerPath(id, "/wait"), [new("condition", NullIfEmpty(condition))], ReadOnlyMemory<byte>.Empty, null, cancellationToken).ConfigureAwait(false);
        return ReadWaitResultAsync(response, cancellationToken);
    }

    /// <summary><c>GET /containers/{id}/top?ps_args=</c>.</summary>
    public Task<ContainerTopResponse> TopContainerAsync(string id, string? psArguments, CancellationToken cancellationToken = default) =>
        SendAsync("GET", ContainerPath(id, "/top"), [new("ps_args", NullIfEmpty(psArguments))], WharfJsonContext.Default.ContainerTopResponse, cancellationToken);

    /// <summary><c>GET /containers/{id}/logs</c>: the open response; its body is raw (TTY) or multiplexed output.</summary>
    public Task<HttpResponse> ContainerLogsAsync(string id, ContainerLogsQuery options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new List<KeyValuePair<string, string?>>
        {
            new("details", options.Details ? "1" : null),
            new("follow", options.Follow ? "1" : null),
            new("since", NullIfEmpty(options.Since)),
            new("stderr", options.Stderr ? "1" : null),
            new("stdout", options.Stdout ? "1" : null),
            new("tail", NullIfEmpty(options.Tail)),
            new("timestamps", options.Timestamps ? "1" : null),
            new("until", NullIfEmpty(options.Until)),
        };
        return SendAsync("GET", ContainerPath(id, "/logs"), query, ReadOnlyMemory<byte>.Empty, null, cancellationToken);
    }

    /// <summary><c>GET /containers/{id}/stats?stream=</c>: the open response, one JSON document per sample.</summary>
    public Task<HttpResponse> ContainerStatsAsync(string id, bool stream, CancellationToken cancellationToken = default) =>
        SendAsync("GET", ContainerPath(id, "/stats"), [new("stream", stream ? "1" : "0")], ReadOnlyMemory<byte>.Empty, null, cancellationToken);

    /// <summary><c>POST /containers/{id}/update</c>.</summary>
    public Task<ContainerUpdateResponse> UpdateContainerAsync(string id, ContainerUpdateRequest update, CancellationToken cancellationToken = default) =>
        SendAsync("POST", ContainerPath(id, "/update"), null, update, WharfJsonContext.Default.ContainerUpdateRequest, WharfJsonContext.Default.ContainerUpdateResponse, cancellationToken);

    /// <summary><c>GET /containers/{id}/changes</c>; the daemon answers <c>null</c> when nothing changed.</summary>
    public async Task<IReadOnlyList<FilesystemChange>> ContainerChangesAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("GET", ContainerPath(id, "/changes"), null, ReadOnlyMemory<byte>.Empty, null, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            var changes = await JsonSerializer.DeserializeAsync(response.Body, WharfJsonContext.Default.IReadOnlyListFilesystemChange, cancellationToken).ConfigureAwait(false);
            return changes ?? [];
        }
    }

    /// <summary><c>GET /containers/{id}/export</c>: the open response; its body is the tar archive.</summary>
    public Task<HttpResponse> ExportContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync("GET", ContainerPath(id, "/export"), null, ReadOnlyMemory<byte>.Empty, null, cancellationToken);

    /// <summary><c>POST /containers/prune?filters=</c>.</summary>
    public Task<ContainerPruneResponse> PruneContainersAsync(string? filtersJson, CancellationToken cancellationToken = default) =>
        SendAsync("POST", "/containers/prune", [new("filters", NullIfEmpty(filtersJson))], WharfJsonContext.Default.ContainerPruneResponse, cancellationToken);

    /// <summary>
    /// <c>POST /containers/{id}/attach?detachKeys=&amp;logs=1&amp;stderr=1&amp;stdin=1&amp;stdout=1&amp;stream=1</c>,
    /// hijacked (<c>Connection: Upgrade</c>, <c>Upgrade: tcp</c>).
    /// </summary>
    public Task<HijackedConnection> AttachContainerAsync(string id, ContainerAttachQuery options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new List<KeyValuePair<string, string?>>
        {
            new("detachKeys", NullIfEmpty(options.DetachKeys)),
            new("logs", options.Logs ? "1" : null),
            new("stderr", options.Stderr ? "1" : null),
            new("stdin", options.Stdin ? "1" : null),
            new("stdout", options.Stdout ? "1" : null),
            new("stream", options.Stream ? "1" : null),
        };
        return SendHijackedAsync("POST", ContainerPath(id, "/attach"), query, ReadOnlyMemory<byte>.Empty, "text/plain", cancellationToken);
    }

    /// <summary><c>POST /containers/{id}/exec</c>.</summary>
    public Task<IdResponse> CreateExecAsync(string containerId, ExecCreateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("POST", ContainerPath(containerId, "/exec"), null, request, WharfJsonContext.Default.ExecCreateRequest, WharfJsonContext.Default.IdResponse, cancellationToken);

    /// <summary><c>POST /exec/{id}/start</c> with <c>Detach: true</c>: the daemon answers once the process runs.</summary>
    public async Task StartExecDetachedAsync(string execId, ExecStartRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, WharfJsonContext.Default.ExecStartRequest);
        var response = await SendAsync("POST", ExecPath(execId, "/start"), null, body, "application/json", cancellationToken).ConfigureAwait(false);
        await response.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary><c>POST /exec/{id}/start</c>, hijacked: the process's stdio.</summary>
    public Task<HijackedConnection> StartExecAttachedAsync(string execId, ExecStartRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, WharfJsonContext.Default.ExecStartRequest);
        return SendHijackedAsync("POST", ExecPath(execId, "/start"), null, body, "application/json", cancellationToken);
    }

    /// <summary><c>GET /exec/{id}/json</c>.</summary>
    public Task<ExecInspect> InspectExecAsync(string execId, CancellationToken cancellationToken = default) =>
        SendAsync("GET", ExecPath(execId, "/json"), null, WharfJsonContext.Default.ExecInspect, cancellationToken);

    /// <summary><c>POST /exec/{id}/resize?h=&amp;w=</c>.</summary>
    public Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("POST", ExecPath(execId, "/resize"), SizeQuery(height, width), cancellationToken);

    /// <summary>
    /// A versioned request upgraded to a raw stream. Docker's daemon answers <c>101 UPGRADED</c>; older ones a plain
    /// <c>200</c> and then the raw stream on the same connection; anything else is an error response.
    /// </summary>
    public async Task<HijackedConnection> SendHijackedAsync(string method, string path, IEnumerable<KeyValuePair<string, string?>>? query, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken = default)
    {
        var version = await NegotiateApiVersionAsync(cancellationToken).ConfigureAwait(false);
        var request = new HttpRequest(method, "/v" + version + path + QueryString.Build(query))
        {
            Body = body,
            ContentType = contentType,
            Headers = [new("Connection", "Upgrade"), new("Upgrade", "tcp")],
        };
        var transport = await _dialer.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var connection = new BufferedConnectionStream(transport);
        HttpResponse response;
        try
        {
            await connection.WriteAsync(HttpConnection.BuildHead(request, _dialer.HostHeader, _options.UserAgent), cancellationToken).ConfigureAwait(false);
            if (!body.IsEmpty)
            {
                await connection.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            }

            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            response = await HttpConnection.ReadResponseAsync(connection, method, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw DaemonUnreachableException.ForHost(_options.Host.Address, ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (response.StatusCode is HttpStatusCode.SwitchingProtocols or HttpStatusCode.OK)
        {
            return new HijackedConnection(connection, transport);
        }

        await using (response.ConfigureAwait(false))
        {
            throw await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendEmptyAsync(string method, string path, IEnumerable<KeyValuePair<string, string?>>? query, CancellationToken cancellationToken)
    {
        var response = await SendAsync(method, path, query, ReadOnlyMemory<byte>.Empty, null, cancellationToken).ConfigureAwait(false);
        await response.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<ContainerWaitResponse> ReadWaitResultAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await using (response.ConfigureAwait(false))
        {
            var result = await JsonSerializer.DeserializeAsync(response.Body, WharfJsonContext.Default.ContainerWaitResponse, cancellationToken).ConfigureAwait(false);
            return result ?? throw new WharfApiException(response.StatusCode, "empty response from the daemon");
        }
    }

    private static List<KeyValuePair<string, string?>> StopQuery(string? signal, int? timeoutSeconds) =>
    [
        new("signal", NullIfEmpty(signal)),
        new("t", timeoutSeconds?.ToString(CultureInfo.InvariantCulture)),
    ];

    private static List<KeyValuePair<string, string?>> SizeQuery(int height, int width) =>
    [
        new("h", height.ToString(CultureInfo.InvariantCulture)),
        new("w", width.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string ContainerPath(string id, string suffix) => "/containers/" + EscapePathName(id) + suffix;

    private static string ExecPath(string id, string suffix) => "/exec/" + EscapePathName(id) + suffix;
}
