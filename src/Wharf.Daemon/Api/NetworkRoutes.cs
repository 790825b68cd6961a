using Wharf.Api;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routing;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Service;

namespace Wharf.Daemon.Api;

/// <summary>
/// The <c>/networks</c> endpoints, thin over <see cref="INetworkService"/> (list, inspect, create, remove, prune) and
/// <see cref="INetworkAttachments"/> (connect, disconnect), with moby's paths, query parsing and status codes.
/// </summary>
internal sealed class NetworkRoutes
{
    private readonly INetworkService _networks;
    private readonly INetworkAttachments _attachments;

    public NetworkRoutes(INetworkService networks, INetworkAttachments attachments)
    {
        _networks = networks;
        _attachments = attachments;
    }

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/networks", List);
        routes.MapGet("/networks/", List);
        routes.MapGet("/networks/{id:.*}", Inspect);
        routes.MapPost("/networks/create", CreateAsync);
        routes.MapPost("/networks/prune", Prune);
        routes.MapPost("/networks/{id:.*}/connect", ConnectAsync);
        routes.MapPost("/networks/{id:.*}/disconnect", DisconnectAsync);
        routes.MapDelete("/networks/{id:.*}", Remove);
    }

    private ValueTask List(RequestContext context)
    {
        var networks = _networks.List(NullIfEmpty(context.Request.Query.Get("filters")));
        context.Response.WriteJson(networks, WharfJsonContext.Default.IReadOnlyListNetworkResource);
        return ValueTask.CompletedTask;
    }

    private ValueTask Inspect(RequestContext context)
    {
        var query = context.Request.Query;
        var network = _networks.Inspect(context.RouteValues["id"], query.GetBool("verbose"), NullIfEmpty(query.Get("scope")));
        context.Response.WriteJson(network, WharfJsonContext.Default.NetworkResource);
        return ValueTask.CompletedTask;
    }

    private async ValueTask CreateAsync(RequestContext context)
    {
        var request = await RequestJson.ReadAsync(context, WharfJsonContext.Default.NetworkCreateRequest).ConfigureAwait(false);
        var created = _networks.Create(request);
        context.Response.WriteJson(created, WharfJsonContext.Default.NetworkCreateResponse, 201);
    }

    private ValueTask Remove(RequestContext context)
    {
        _networks.Remove(context.RouteValues["id"]);
        context.Response.StatusCode = 204;
        return ValueTask.CompletedTask;
    }

    private ValueTask Prune(RequestContext context)
    {
        var report = _networks.Prune(NullIfEmpty(context.Request.Query.Get("filters")));
        context.Response.WriteJson(report, WharfJsonContext.Default.NetworkPruneResponse);
        return ValueTask.CompletedTask;
    }

    private async ValueTask ConnectAsync(RequestContext context)
    {
        var request = await RequestJson.ReadAsync(context, WharfJsonContext.Default.NetworkConnectRequest).ConfigureAwait(false);
        await _attachments.ConnectAsync(context.RouteValues["id"], request.Container, request.EndpointConfig, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 200;
    }

    private async ValueTask DisconnectAsync(RequestContext context)
    {
        var request = await RequestJson.ReadAsync(context, WharfJsonContext.Default.NetworkDisconnectRequest).ConfigureAwait(false);
        await _attachments.DisconnectAsync(context.RouteValues["id"], request.Container, request.Force, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 200;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
