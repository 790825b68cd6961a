using Wharf.Api;
using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Health;

/// <summary>dockerd's container.Health of one container: status, failing streak, the last probes, and the monitor that runs them. Guarded by lock (state).</summary>
internal sealed class HealthState
{
    public const int MaxLogEntries = 5;

    private readonly List<HealthcheckResult> _log = [];

    public string Status { get; private set; } = HealthStatus.Starting;

    public int FailingStreak { get; private set; }

    /// <summary>When the current run started; failures before StartedAt + start period do not count while starting.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Cancelled to stop the current monitor; a probe result that arrives after that is dropped.</summary>
    public CancellationTokenSource? Monitor { get; set; }

    /// <summary>A new run: starting again, streak reset; the log of earlier runs stays, as in dockerd.</summary>
    public void Restart(DateTimeOffset startedAt)
    {
        Status = HealthStatus.Starting;
        FailingStreak = 0;
        StartedAt = startedAt;
    }

    public void StopMonitor()
    {
        if (Monitor is { } monitor)
        {
            // Not disposed: the monitor task may still be looking at its token; a source without timers holds nothing.
            Monitor = null;
            monitor.Cancel();
        }
    }

    /// <summary>dockerd's handleProbeResult; returns the new status when it changed.</summary>
    public string? Apply(ProbeOutcome outcome, HealthSettings settings)
    {
        var previous = Status;
        if (_log.Count >= MaxLogEntries)
        {
            _log.RemoveRange(0, _log.Count + 1 - MaxLogEntries);
        }

        _log.Add(new HealthcheckResult
        {
            Start = GoTime.FormatRfc3339Nano(outcome.Start),
            End = GoTime.FormatRfc3339Nano(outcome.End),
            ExitCode = outcome.ExitCode,
            Output = outcome.Output,
        });

        if (outcome.ExitCode == 0)
        {
            FailingStreak = 0;
            Status = HealthStatus.Healthy;
        }
        else
        {
            // Until the first success, failures that started within the start period do not count.
            var counts = Status != HealthStatus.Starting || outcome.Start - StartedAt >= settings.StartPeriod;
            if (counts)
            {
                FailingStreak++;
                if (FailingStreak >= settings.Retries)
                {
                    Status = HealthStatus.Unhealthy;
                }
            }
        }

        return Status == previous ? null : Status;
    }

    public ContainerHealth Snapshot() => new()
    {
        Status = Status,
        FailingStreak = FailingStreak,
        Log = [.. _log],
    };
}
