using Wharf.Api;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routing;
using Wharf.Engine.Errors;
using Wharf.Engine.Exec;

namespace Wharf.Daemon.Api;

/// <summary>The exec endpoints, as moby's router/container/exec.go: create, start (hijacked unless detached), resize, inspect.</summary>
internal sealed class ExecRoutes
{
    private readonly IExecService _execs;

    public ExecRoutes(IExecService execs)
    {
        _execs = execs;
    }

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/containers/{name:.*}/exec", CreateAsync);
        routes.MapPost("/exec/{name}/start", StartAsync);
        routes.MapPost("/exec/{name}/resize", ResizeAsync);
        routes.MapGet("/exec/{id}/json", Inspect);
    }

    private async ValueTask CreateAsync(RequestContext context)
    {
        var request = await RequestJson.ReadAsync(context, WharfJsonContext.Default.ExecCreateRequest).ConfigureAwait(false);
        if (request.Cmd is not { Count: > 0 })
        {
            throw EngineException.InvalidParameter("No exec command specified");
        }

        if (!context.ApiVersionAtLeast("1.42"))
        {
            request = request with { ConsoleSize = null };
        }

        var id = _execs.Create(context.RouteValues["name"], request);
        context.Response.WriteJson(new IdResponse { Id = id }, WharfJsonContext.Default.IdResponse, 201);
    }

    private async ValueTask StartAsync(RequestContext context)
    {
        var options = await RequestJson.ReadAsync(context, WharfJsonContext.Default.ExecStartRequest).ConfigureAwait(false);
        var execId = context.RouteValues["name"];
        _execs.EnsureStartable(execId);
        var consoleSize = options.ConsoleSize;
        if (!context.ApiVersionAtLeast("1.42") || !options.Tty)
        {
            consoleSize = null;
        }

        var cancellation = context.RequestAborted;
        if (options.Detach)
        {
            var detached = await _execs.StartAsync(execId, new ExecStartOptions(Attach: false, consoleSize), cancellation).ConfigureAwait(false);
            await detached.DisposeAsync().ConfigureAwait(false);
            return;
        }

        // Framing follows the start request's Tty, as in dockerd.
        var multiplexed = !options.Tty;
        var contentType = context.Request.WantsUpgrade
            ? StdCopy.MediaType(multiplexed, context.ApiVersionAtLeast("1.42"))
            : StdCopy.RawStreamMediaType;
        var connection = await context.Response.HijackAsync(contentType, cancellation).ConfigureAwait(false);
        using var output = new HijackedOutput(connection, multiplexed);
        await using (connection.ConfigureAwait(false))
        {
            ExecSession session;
            try
            {
                session = await _execs.StartAsync(execId, new ExecStartOptions(Attach: true, consoleSize), cancellation).ConfigureAwait(false);
            }
            catch (EngineException ex)
            {
                await TryWriteAsync(output, ex.Message + "\r\n", cancellation).ConfigureAwait(false);
                return;
            }

            await using (session.ConfigureAwait(false))
            {
                if (session.Stream is not { } stream)
                {
                    return;
                }

                var bridge = new BridgeOptions(
                    ForwardStdin: session.OpenStdin,
                    WatchDetachKeys: session.Tty,
                    DetachKeys: session.DetachKeys,
                    StdinEndClosesSession: session.Tty);
                var end = await StdioBridge.RunAsync(connection, output, stream, bridge, cancellation).ConfigureAwait(false);
                if (end == BridgeEnd.Detached)
                {
                    session.ReportDetached();
                }
                else if (end == BridgeEnd.OutputEnded)
                {
                    // dockerd closes the streams only after the exit code is recorded: the client inspects it next.
                    await session.Exited.WaitAsync(cancellation).ConfigureAwait(false);
                }
            }
        }
    }

    private async ValueTask ResizeAsync(RequestContext context)
    {
        var (height, width) = ResizeQuery.Parse(context.Request.Query);
        await _execs.ResizeAsync(context.RouteValues["name"], height, width, context.RequestAborted).ConfigureAwait(false);
    }

    private ValueTask Inspect(RequestContext context)
    {
        context.Response.WriteJson(_execs.Inspect(context.RouteValues["id"]), WharfJsonContext.Default.ExecInspect);
        return ValueTask.CompletedTask;
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
