using System.Globalization;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routing;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Exec;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Api;

/// <summary><c>POST /containers/{name}/attach</c> (hijacked, as dockerd's postContainersAttach and ContainerAttach) and <c>POST /containers/{name}/resize</c>.</summary>
internal sealed class AttachRoutes
{
    private readonly IContainerLookup _containers;
    private readonly IContainerLogReader _logs;
    private readonly IEventPublisher _events;

    public AttachRoutes(IContainerLookup containers, IContainerLogReader logs, IEventPublisher events)
    {
        _containers = containers;
        _logs = logs;
        _events = events;
    }

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/containers/{name:.*}/attach", AttachAsync);
        routes.MapPost("/containers/{name:.*}/resize", ResizeAsync);
    }

    private async ValueTask AttachAsync(RequestContext context)
    {
        var query = context.Request.Query;
        var name = context.RouteValues["name"];
        var detachKeysText = query.Get("detachKeys");
        byte[] detachKeys = [];
        if (!string.IsNullOrEmpty(detachKeysText) && !DetachKeySequence.TryParse(detachKeysText, out detachKeys))
        {
            throw EngineException.InvalidParameter($"Invalid detach keys ({detachKeysText}) provided");
        }

        var container = _containers.Get(name);
        if (container.State.Paused)
        {
            throw EngineException.Conflict($"container {name} is paused, unpause the container before attach");
        }

        if (container.State.Restarting)
        {
            throw EngineException.Conflict($"container {name} is restarting, wait until the container is running");
        }

        var useStdin = query.GetBool("stdin");
        var useStdout = query.GetBool("stdout");
        var useStderr = query.GetBool("stderr");
        var multiplexed = !container.Config.Tty;
        var contentType = context.Request.WantsUpgrade
            ? StdCopy.MediaType(multiplexed, context.ApiVersionAtLeast("1.42"))
            : StdCopy.RawStreamMediaType;
        var cancellation = context.RequestAborted;
        var connection = await context.Response.HijackAsync(contentType, cancellation).ConfigureAwait(false);
        using var output = new HijackedOutput(connection, multiplexed);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                if (query.GetBool("logs"))
                {
                    await ReplayLogAsync(container, useStdout, useStderr, output, cancellation).ConfigureAwait(false);
                }

                _events.Publish("container", "attach", container.Id, ContainerEventAttributes.For(container));
                if (query.GetBool("stream"))
                {
                    await StreamAsync(container, connection, output, useStdin, useStdout, useStderr, detachKeys, cancellation).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is EngineException or IOException)
            {
                await TryWriteAsync(output, "Error attaching: " + ex.Message + "\n", cancellation).ConfigureAwait(false);
            }
        }
    }

    private async Task ReplayLogAsync(ContainerView container, bool stdout, bool stderr, HijackedOutput output, CancellationToken cancellationToken)
    {
        if (container.Log.Driver == "none")
        {
            throw new EngineException(ErrorKind.NotImplemented, LogRoutes.ReadingNotSupported);
        }

        var options = new LogReadOptions(stdout, stderr, null, null, null, Follow: false, StopFollowing: null);
        await foreach (var record in _logs.ReadAsync(container.Log, options, cancellationToken).ConfigureAwait(false))
        {
            if ((record.Stream == OutputStream.Stdout && stdout) || (record.Stream == OutputStream.Stderr && stderr))
            {
                await output.WriteAsync(record.Stream, record.Line, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task StreamAsync(ContainerView container, Stream connection, HijackedOutput output, bool useStdin, bool useStdout, bool useStderr, byte[] detachKeys, CancellationToken cancellationToken)
    {
        var config = container.Config;
        IRuntimeStream stream;
        try
        {
            stream = await _containers.AttachAsync(container.Id, useStdin, useStdout, useStderr, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            // Removed while the attach waited for a start (docker run --rm of a command that cannot start): dockerd's
            // attach just ends, and the client reports the start's error.
            return;
        }

        await using (stream.ConfigureAwait(false))
        {
            var options = new BridgeOptions(
                ForwardStdin: useStdin,
                WatchDetachKeys: config.Tty,
                DetachKeys: detachKeys,
                StdinEndClosesSession: !(config.StdinOnce && !config.Tty));
            var end = await StdioBridge.RunAsync(connection, output, stream, options, cancellationToken).ConfigureAwait(false);
            if (end == BridgeEnd.Detached)
            {
                _events.Publish("container", "detach", container.Id, ContainerEventAttributes.For(Current(container)));
            }
        }

        if (config.StdinOnce && !config.Tty)
        {
            // With StdinOnce the container ends when its stdin does: dockerd's attach waits for that.
            await _containers.WaitStoppedAsync(container.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ResizeAsync(RequestContext context)
    {
        var (height, width) = ResizeQuery.Parse(context.Request.Query);
        var container = _containers.Get(context.RouteValues["name"]);
        var task = container.State.Running ? _containers.GetTask(container.Id) : null;
        if (task is null)
        {
            throw EngineException.Conflict($"Container {container.Id} is not running");
        }

        await task.ResizeAsync(height, width, context.RequestAborted).ConfigureAwait(false);
        _events.Publish("container", "resize", container.Id, ContainerEventAttributes.For(container, new Dictionary<string, string>
        {
            ["height"] = height.ToString(CultureInfo.InvariantCulture),
            ["width"] = width.ToString(CultureInfo.InvariantCulture),
        }));
    }

    private ContainerView Current(ContainerView container)
    {
        try
        {
            return _containers.Get(container.Id);
        }
        catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return container;
        }
    }

    private static async Task TryWriteAsync(HijackedOutput output, string message, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client is gone; nobody to tell.
        }
    }
}
