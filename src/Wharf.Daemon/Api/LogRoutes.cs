using System.Globalization;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routing;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Api;

/// <summary><c>GET /containers/{name}/logs</c>: moby's getContainersLogs, ContainerLogs and WriteLogStream.</summary>
internal sealed class LogRoutes
{
    public const string ReadingNotSupported = "configured logging driver does not support reading";

    private const int FlushThreshold = 32 * 1024;

    private readonly IContainerLookup _containers;
    private readonly IContainerLogReader _logs;

    public LogRoutes(IContainerLookup containers, IContainerLogReader logs)
    {
        _containers = containers;
        _logs = logs;
    }

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/containers/{name:.*}/logs", GetLogsAsync);
    }

    /// <summary>since/until as dockerd's timetypes.ParseTimestamps reads them: unix seconds with an optional fraction; an until of 0 means none.</summary>
    public static DateTimeOffset? ParseTime(string? text, bool zeroMeansNone)
    {
        if (string.IsNullOrEmpty(text) || (zeroMeansNone && text == "0"))
        {
            return null;
        }

        try
        {
            return DockerTimestamp.Parse(text);
        }
        catch (EngineException ex)
        {
            // dockerd passes strconv's error through unwrapped, which makes it a 500.
            throw new EngineException(ErrorKind.Internal, ex.Message, ex);
        }
    }

    /// <summary>tail: a number of lines, anything else (<c>all</c>) or a negative number means everything.</summary>
    public static int? ParseTail(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lines) && lines >= 0 ? lines : null;

    private async ValueTask GetLogsAsync(RequestContext context)
    {
        var query = context.Request.Query;
        var stdout = query.GetBool("stdout");
        var stderr = query.GetBool("stderr");
        if (!stdout && !stderr)
        {
            throw EngineException.InvalidParameter("Bad parameters: you must choose at least one stream");
        }

        var container = _containers.Get(context.RouteValues["name"]);
        if (container.Log.Driver == "none")
        {
            throw new EngineException(ErrorKind.NotImplemented, ReadingNotSupported);
        }

        var since = ParseTime(query.Get("since"), zeroMeansNone: false);
        var until = ParseTime(query.Get("until"), zeroMeansNone: true);
        var timestamps = query.GetBool("timestamps");
        var details = query.GetBool("details");

        // Following a container that does not run ends at once, as dockerd's follow && !logCreated.
        var follow = query.GetBool("follow") && container.State.Running;
        var cancellation = context.RequestAborted;
        var options = new LogReadOptions(stdout, stderr, since, until, ParseTail(query.Get("tail")), follow,
            follow ? _containers.WaitStoppedAsync(container.Id, cancellation) : null);

        var multiplexed = !container.Config.Tty;
        var response = context.Response;
        response.ContentType = StdCopy.MediaType(multiplexed, context.ApiVersionAtLeast("1.42"));

        // The 200 goes out before the first line: from here on errors are reported in the stream.
        await response.FlushAsync(cancellation).ConfigureAwait(false);
        try
        {
            await WriteRecordsAsync(response, container, options, multiplexed, timestamps, details, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (ex is EngineException or IOException or FormatException or System.Text.Json.JsonException)
        {
            StdCopy.Append(response.Body, multiplexed, StdCopy.SystemError, System.Text.Encoding.UTF8.GetBytes("Error grabbing logs: " + ex.Message + "\n"));
        }
    }

    private async Task WriteRecordsAsync(HttpResponse response, ContainerView container, LogReadOptions options, bool multiplexed, bool timestamps, bool details, CancellationToken cancellationToken)
    {
        var line = new PooledBufferWriter(4096);
        try
        {
            var records = _logs.ReadAsync(container.Log, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (records.ConfigureAwait(false))
            {
                while (true)
                {
                    var next = records.MoveNextAsync();
                    if (!next.IsCompleted && response.Body.WrittenCount > 0)
                    {
                        // Nothing more right now (a followed log waiting for output): what is buffered goes out.
                        await response.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (!await next.ConfigureAwait(false))
                    {
                        break;
                    }

                    var record = records.Current;
                    if ((record.Stream == OutputStream.Stdout && !options.Stdout) || (record.Stream == OutputStream.Stderr && !options.Stderr))
                    {
                        continue;
                    }

                    line.Clear();
                    LogLine.Append(line, record.Time, record.Line.Span, timestamps, details);
                    StdCopy.Append(response.Body, multiplexed, record.Stream == OutputStream.Stderr ? StdCopy.Stderr : StdCopy.Stdout, line.WrittenSpan);
                    if (response.Body.WrittenCount >= FlushThreshold)
                    {
                        await response.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            line.Dispose();
        }
    }
}
