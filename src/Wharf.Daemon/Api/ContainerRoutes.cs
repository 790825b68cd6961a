using System.Globalization;
using Wharf.Api;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routing;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Daemon.Api;

/// <summary>
/// The container lifecycle endpoints (create, start, stop, kill, restart, pause, wait, rm, rename, update, ps, inspect,
/// changes, export, prune), thin over <see cref="IContainerService"/>, with moby's query parsing and status codes.
/// The stream endpoints (attach, logs, exec, stats, top, resize) are registered by their own area.
/// </summary>
internal sealed class ContainerRoutes
{
    private readonly IContainerService _containers;

    public ContainerRoutes(IContainerService containers)
    {
        _containers = containers;
    }

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/containers/json", List);
        routes.MapGet("/containers/{name:.*}/export", ExportAsync);
        routes.MapGet("/containers/{name:.*}/changes", Changes);
        routes.MapGet("/containers/{name:.*}/json", Inspect);
        routes.MapPost("/containers/create", CreateAsync);
        routes.MapPost("/containers/{name:.*}/kill", KillAsync);
        routes.MapPost("/containers/{name:.*}/pause", PauseAsync);
        routes.MapPost("/containers/{name:.*}/unpause", UnpauseAsync);
        routes.MapPost("/containers/{name:.*}/restart", RestartAsync);
        routes.MapPost("/containers/{name:.*}/start", StartAsync);
        routes.MapPost("/containers/{name:.*}/stop", StopAsync);
        routes.MapPost("/containers/{name:.*}/wait", WaitAsync);
        routes.MapPost("/containers/{name:.*}/rename", RenameAsync);
        routes.MapPost("/containers/{name:.*}/update", UpdateAsync);
        routes.MapPost("/containers/prune", PruneAsync);
        routes.MapDelete("/containers/{name:.*}", RemoveAsync);
    }

    /// <summary>Query of <c>GET /containers/json</c> (moby's getContainersJSON); a bad <c>limit</c> is Go's Atoi error.</summary>
    public static ContainerListOptions ParseListOptions(QueryParameters query)
    {
        var limit = 0;
        if (query.Get("limit") is { Length: > 0 } text)
        {
            limit = Atoi(text);
        }

        return new ContainerListOptions(
            All: query.GetBool("all"),
            Limit: limit,
            Size: query.GetBool("size"),
            FiltersJson: string.IsNullOrEmpty(query.Get("filters")) ? null : query.Get("filters"));
    }

    /// <summary>The <c>condition</c> of wait (from API 1.30; before, always not-running).</summary>
    public static WaitCondition ParseWaitCondition(string? condition, bool supported)
    {
        if (!supported || string.IsNullOrEmpty(condition))
        {
            return WaitCondition.NotRunning;
        }

        return condition switch
        {
            "not-running" => WaitCondition.NotRunning,
            "next-exit" => WaitCondition.NextExit,
            "removed" => WaitCondition.Removed,
            _ => throw EngineException.InvalidParameter($"invalid condition: \"{condition}\""),
        };
    }

    /// <summary>Go's strconv.Atoi, whose error dockerd passes on as is (a 500, not a 400).</summary>
    public static int Atoi(string text)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new EngineException(ErrorKind.Internal, $"strconv.Atoi: parsing \"{text}\": invalid syntax");
    }

    private ValueTask List(RequestContext context)
    {
        var containers = _containers.List(ParseListOptions(context.Request.Query));
        context.Response.WriteJson(containers, WharfJsonContext.Default.IReadOnlyListContainerSummary);
        return ValueTask.CompletedTask;
    }

    private ValueTask Inspect(RequestContext context)
    {
        var inspect = _containers.Inspect(context.RouteValues["name"], context.Request.Query.GetBool("size"));
        context.Response.WriteJson(inspect, WharfJsonContext.Default.ContainerInspect);
        return ValueTask.CompletedTask;
    }

    private ValueTask Changes(RequestContext context)
    {
        var changes = _containers.Changes(context.RouteValues["name"]);
        if (changes.Count == 0)
        {
            // moby encodes its nil slice.
            context.Response.ContentType = ResponseWriters.JsonContentType;
            context.Response.Write("null\n"u8);
            return ValueTask.CompletedTask;
        }

        context.Response.WriteJson(changes, WharfJsonContext.Default.IReadOnlyListFilesystemChange);
        return ValueTask.CompletedTask;
    }

    private async ValueTask CreateAsync(RequestContext context)
    {
        var query = context.Request.Query;
        var request = await RequestJson.ReadAsync(context, WharfJsonContext.Default.ContainerCreateRequest).ConfigureAwait(false);
        var platform = context.ApiVersionAtLeast("1.41") ? query.Get("platform") : null;
        var created = await _containers.CreateAsync(query.Get("name"), platform, request, context.RequestAborted).ConfigureAwait(false);
        context.Response.WriteJson(created, WharfJsonContext.Default.ContainerCreateResponse, 201);
    }

    private async ValueTask StartAsync(RequestContext context)
    {
        await _containers.StartAsync(context.RouteValues["name"], context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async ValueTask StopAsync(RequestContext context)
    {
        var (signal, timeout) = StopOptions(context);
        await _containers.StopAsync(context.RouteValues["name"], signal, timeout, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async ValueTask RestartAsync(RequestContext context)
    {
        var (signal, timeout) = StopOptions(context);
        await _containers.RestartAsync(context.RouteValues["name"], signal, timeout, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async ValueTask KillAsync(RequestContext context)
    {
        var name = context.RouteValues["name"];
        try
        {
            await _containers.KillAsync(name, context.Request.Query.Get("signal"), context.RequestAborted).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            throw new EngineException(e.Kind, $"Cannot kill container: {name}: {e.Message}", e);
        }

        context.Response.StatusCode = 204;
    }

    private async ValueTask PauseAsync(RequestContext context)
    {
        await _containers.PauseAsync(context.RouteValues["name"], context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async ValueTask UnpauseAsync(RequestContext context)
    {
        await _containers.UnpauseAsync(context.RouteValues["name"], context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    /// <summary>
    /// From API 1.30 the headers go out at once (a client sees the wait is in place before it starts the container)
    /// and the body when the condition is met; the connection stays usable afterwards (chunked).
    /// </summary>
    private async ValueTask WaitAsync(RequestContext context)
    {
        var early = context.ApiVersionAtLeast("1.30");
        var condition = ParseWaitCondition(context.Request.Query.Get("condition"), early);
        var waiting = _containers.Wait(context.RouteValues["name"], condition, context.RequestAborted);
        var response = context.Response;
        response.ContentType = ResponseWriters.JsonContentType;
        if (early)
        {
            await response.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        ContainerWaitResponse result;
        try
        {
            result = await waiting.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer.
            return;
        }

        response.AppendJsonLine(result, WharfJsonContext.Default.ContainerWaitResponse);
    }

    private async ValueTask RemoveAsync(RequestContext context)
    {
        var query = context.Request.Query;
        await _containers.RemoveAsync(context.RouteValues["name"], query.GetBool("force"), query.GetBool("v"), query.GetBool("link"), context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async ValueTask RenameAsync(RequestContext context)
    {
        await _containers.RenameAsync(context.RouteValues["name"], context.Request.Query.Get("name") ?? "", context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 204;
    }

    private async ValueTask UpdateAsync(RequestContext context)
    {
        var update = await RequestJson.ReadAsync(context, WharfJsonContext.Default.ContainerUpdateRequest).ConfigureAwait(false);
        if (!context.ApiVersionAtLeast("1.40"))
        {
            update = update with { PidsLimit = null };
        }

        if (update.PidsLimit is <= 0)
        {
            // 0 and any negative value both mean "unlimited" here.
            update = update with { PidsLimit = 0 };
        }

        var response = await _containers.UpdateAsync(context.RouteValues["name"], update, context.RequestAborted).ConfigureAwait(false);
        context.Response.WriteJson(response, WharfJsonContext.Default.ContainerUpdateResponse);
    }

    private async ValueTask PruneAsync(RequestContext context)
    {
        var filters = context.Request.Query.Get("filters");
        var report = await _containers.PruneAsync(string.IsNullOrEmpty(filters) ? null : filters, context.RequestAborted).ConfigureAwait(false);
        context.Response.WriteJson(report, WharfJsonContext.Default.ContainerPruneResponse);
    }

    /// <summary><c>GET /containers/{name}/export</c>: a tar of the rootfs, streamed; an early error is a normal error response.</summary>
    private async ValueTask ExportAsync(RequestContext context)
    {
        var response = context.Response;
        response.ContentType = "application/x-tar";
        var output = new ResponseBodyStream(response, context.RequestAborted);
        await using (output.ConfigureAwait(false))
        {
            await _containers.ExportAsync(context.RouteValues["name"], output, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static (string? Signal, int? Timeout) StopOptions(RequestContext context)
    {
        var query = context.Request.Query;
        var signal = context.ApiVersionAtLeast("1.42") ? query.Get("signal") : null;
        int? timeout = query.Get("t") is { Length: > 0 } text ? Atoi(text) : null;
        return (string.IsNullOrEmpty(signal) ? null : signal, timeout);
    }
}
