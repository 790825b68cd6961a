using Wharf.Daemon.Api;
using Wharf.Daemon.Routing;
using Wharf.Engine.Containers;
using Wharf.Engine.Events;
using Wharf.Engine.Images;
using Wharf.Engine.SystemInfo;

namespace Wharf.Daemon.Composition;

/// <summary>The route table: every API area registers its routes here, in dockerd's order.</summary>
internal static class ApiComposition
{
    public static RouteTable CreateRoutes(ISystemService system, IEventSource events, IImageService? images = null, IContainerService? containers = null, ContainerStreamServices? streams = null, NetworkRouteServices? networks = null)
    {
        var routes = new RouteTable();
        new SystemRoutes(system).Register(routes);
        new EventRoutes(events).Register(routes);
        if (images is not null)
        {
            new ImageRoutes(images).Register(routes);
        }

        if (containers is not null)
        {
            new ContainerRoutes(containers).Register(routes);
        }

        if (streams is not null)
        {
            RegisterStreams(routes, streams);
        }

        if (networks is not null)
        {
            new NetworkRoutes(networks.Networks, networks.Attachments).Register(routes);
        }

        return routes;
    }

    /// <summary>Attach, logs, exec, stats and top: the container routes that stream.</summary>
    private static void RegisterStreams(RouteTable routes, ContainerStreamServices streams)
    {
        new AttachRoutes(streams.Containers, streams.Logs, streams.Events).Register(routes);
        new LogRoutes(streams.Containers, streams.Logs).Register(routes);
        new ExecRoutes(streams.Execs).Register(routes);
        new StatsRoutes(streams.Stats, streams.Top).Register(routes);
    }
}
