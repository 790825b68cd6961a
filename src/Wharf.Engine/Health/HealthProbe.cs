using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Exec;

namespace Wharf.Engine.Health;

/// <summary>dockerd's cmdProbe: runs the healthcheck command as an exec (with its events), collects its output and exit code, kills it past the timeout.</summary>
internal sealed class HealthProbe
{
    /// <summary>Starting an exec does not count towards the probe's timeout, but it may not hang forever either.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly IExecService _execs;
    private readonly TimeProvider _time;

    public HealthProbe(IExecService execs, TimeProvider time)
    {
        _execs = execs;
        _time = time;
    }

    /// <summary>Runs the probe once; throws OperationCanceledException only when <paramref name="stop"/> fires (the process is killed first).</summary>
    public async Task<ProbeOutcome> RunAsync(ContainerView container, HealthSettings settings, CancellationToken stop)
    {
        var start = _time.GetUtcNow();
        try
        {
            var (exitCode, output) = await ExecuteAsync(container, settings, stop).ConfigureAwait(false);
            return new ProbeOutcome(start, _time.GetUtcNow(), exitCode, output);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is EngineException or IOException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            return new ProbeOutcome(start, _time.GetUtcNow(), -1, ex.Message);
        }
    }

    private async Task<(int ExitCode, string Output)> ExecuteAsync(ContainerView container, HealthSettings settings, CancellationToken stop)
    {
        var execId = _execs.Create(container.Id, new ExecCreateRequest
        {
            Cmd = settings.Command,
            AttachStdout = true,
            AttachStderr = true,
            User = container.Config.User,
            WorkingDir = container.Config.WorkingDir,
        });

        ExecSession session;
        using (var startLimit = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            startLimit.CancelAfter(StartTimeout);
            try
            {
                session = await _execs.StartAsync(execId, new ExecStartOptions(Attach: true), startLimit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out starting health check for container {container.Id}");
            }
        }

        await using (session.ConfigureAwait(false))
        {
            var output = new LimitedOutput();
            var finished = CollectAsync(session, output);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var expired = Task.Delay(settings.Timeout, _time, timeout.Token);
            var first = await Task.WhenAny(finished, expired).ConfigureAwait(false);
            if (first == finished)
            {
                await timeout.CancelAsync().ConfigureAwait(false);
                return (await finished.ConfigureAwait(false), output.ToString());
            }

            // Timed out or told to stop: kill it and wait, so that dying probes do not pile up.
            session.Kill();
            await SuppressAsync(finished).ConfigureAwait(false);
            stop.ThrowIfCancellationRequested();
            var text = output.ToString();
            var message = $"Health check exceeded timeout ({GoDurationText.Format(settings.Timeout)})";
            return (-1, text.Length == 0 ? message : message + ": " + text);
        }
    }

    private static async Task<int> CollectAsync(ExecSession session, LimitedOutput output)
    {
        if (session.Stream is { } stream)
        {
            while (await stream.ReadAsync(CancellationToken.None).ConfigureAwait(false) is { } chunk)
            {
                output.Write(chunk.Data.Span);
            }
        }

        return await session.Exited.ConfigureAwait(false);
    }

    private static async Task SuppressAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineException or IOException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // The killed probe's stream may end with an error; its result is not used.
        }
    }
}
