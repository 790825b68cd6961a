using Wharf.Api;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routing;
using Wharf.Engine.Stats;

namespace Wharf.Daemon.Api;

/// <summary><c>GET /containers/{name}/stats</c> (a JSON object per second, or one) and <c>GET /containers/{name}/top</c>.</summary>
internal sealed class StatsRoutes
{
    private readonly IStatsService _stats;
    private readonly ITopService _top;

    public StatsRoutes(IStatsService stats, ITopService top)
    {
        _stats = stats;
        _top = top;
    }

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/containers/{name:.*}/stats", GetStatsAsync);
        routes.MapGet("/containers/{name:.*}/top", GetTopAsync);
    }

    private async ValueTask GetStatsAsync(RequestContext context)
    {
        var query = context.Request.Query;
        var stream = ImageRoutes.BoolOrDefault(query, "stream", true);
        var oneShot = context.ApiVersionAtLeast("1.41") && ImageRoutes.BoolOrDefault(query, "one-shot", false);
        var samples = _stats.Open(context.RouteValues["name"], stream, oneShot);
        var response = context.Response;
        var cancellation = context.RequestAborted;
        response.ContentType = ResponseWriters.JsonContentType;
        if (stream)
        {
            await response.FlushAsync(cancellation).ConfigureAwait(false);
        }

        try
        {
            await foreach (var sample in samples.WithCancellation(cancellation).ConfigureAwait(false))
            {
                response.AppendJsonLine(sample, WharfJsonContext.Default.ContainerStats);
                if (!stream)
                {
                    break;
                }

                await response.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async ValueTask GetTopAsync(RequestContext context)
    {
        var top = await _top.TopAsync(context.RouteValues["name"], context.Request.Query.Get("ps_args"), context.RequestAborted).ConfigureAwait(false);
        context.Response.WriteJson(top, WharfJsonContext.Default.ContainerTopResponse);
    }
}
