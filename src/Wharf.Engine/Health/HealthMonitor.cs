using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Exec;

namespace Wharf.Engine.Health;

/// <summary>
/// Runs each running container's HEALTHCHECK as dockerd's health monitor does and keeps <c>State.Health</c>. A start
/// resets the status to starting (the log of earlier probes stays); a stop ends the monitor and keeps the last status,
/// as dockerd shows it in inspect; removal forgets it. Status changes are published as <c>health_status: …</c> events.
/// </summary>
public sealed class HealthMonitor : IHealthStatusSource, IContainerObserver, IDisposable
{
    private readonly IContainerLookup _containers;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly HealthProbe _probe;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HealthState> _states = new(StringComparer.Ordinal);

    public HealthMonitor(IContainerLookup containers, IExecService execs, IEventPublisher events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(execs);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        _containers = containers;
        _events = events;
        _time = time;
        _probe = new HealthProbe(execs, time);
    }

    public ContainerHealth? Get(string containerId)
    {
        HealthState? state;
        lock (_gate)
        {
            state = _states.GetValueOrDefault(containerId);
        }

        if (state is null)
        {
            return null;
        }

        lock (state)
        {
            return state.Snapshot();
        }
    }

    public void OnStarted(ContainerView container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (HealthSettings.From(container.Config) is not { } settings)
        {
            return;
        }

        HealthState state;
        lock (_gate)
        {
            if (!_states.TryGetValue(container.Id, out state!))
            {
                state = new HealthState();
                _states[container.Id] = state;
            }
        }

        CancellationTokenSource monitor;
        lock (state)
        {
            state.StopMonitor();
            state.Restart(ParseTime(container.State.StartedAt) ?? _time.GetUtcNow());
            monitor = new CancellationTokenSource();
            state.Monitor = monitor;
        }

        _ = MonitorAsync(container.Id, settings, state, monitor.Token);
    }

    public void OnStopped(string containerId)
    {
        HealthState? state;
        lock (_gate)
        {
            state = _states.GetValueOrDefault(containerId);
        }

        if (state is not null)
        {
            lock (state)
            {
                state.StopMonitor();
            }
        }
    }

    public void OnRemoved(string containerId)
    {
        HealthState? state;
        lock (_gate)
        {
            _states.Remove(containerId, out state);
        }

        if (state is not null)
        {
            lock (state)
            {
                state.StopMonitor();
            }
        }
    }

    public void Dispose()
    {
        List<HealthState> states;
        lock (_gate)
        {
            states = [.. _states.Values];
        }

        foreach (var state in states)
        {
            lock (state)
            {
                state.StopMonitor();
            }
        }
    }

    /// <summary>dockerd's monitor loop: wait the interval (the start interval while starting within the start period), probe, record.</summary>
    private async Task MonitorAsync(string containerId, HealthSettings settings, HealthState state, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(NextInterval(settings, state), _time, stop).ConfigureAwait(false);
                ContainerView container;
                try
                {
                    container = _containers.Get(containerId);
                }
                catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
                {
                    return;
                }

                // A paused container is not probed (dockerd stops its monitor while paused).
                if (container.State.Paused)
                {
                    continue;
                }

                var outcome = await _probe.RunAsync(container, settings, stop).ConfigureAwait(false);
                string? changed;
                lock (state)
                {
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    changed = state.Apply(outcome, settings);
                }

                if (changed is not null)
                {
                    _events.Publish("container", "health_status: " + changed, containerId, ContainerEventAttributes.For(container));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped, removed or restarted: a new monitor takes over if the container runs again.
        }
    }

    private TimeSpan NextInterval(HealthSettings settings, HealthState state)
    {
        lock (state)
        {
            if (_time.GetUtcNow() - state.StartedAt >= settings.StartPeriod)
            {
                return settings.Interval;
            }

            return state.Status == HealthStatus.Starting ? settings.StartInterval : settings.Interval;
        }
    }

    /// <summary>Inspect's RFC 3339 times, which may carry nine fractional digits (more than .NET parses).</summary>
    private static DateTimeOffset? ParseTime(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var digits = text[(dot + 1)..end];
            text = text[..(dot + 1)] + (digits.Length > 7 ? digits[..7] : digits) + text[end..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year > 1
            ? time
            : null;
    }
}
