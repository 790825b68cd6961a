using Wharf.Api;
using Wharf.Engine.Exec;
using Wharf.Engine.Health;
using Wharf.Engine.Runtime;
using Wharf.Engine.Tests.Exec;

namespace Wharf.Engine.Tests.Health;

public sealed class HealthMonitorTests : IDisposable
{
    private const string Id = "feed000000000000000000000000000000000000000000000000000000000001";
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly ManualTimers _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly FakeContainerLookup _containers = new();
    private readonly RecordingEvents _events = new();
    private readonly List<int> _killed = [];
    private readonly ExecService _execs;
    private readonly HealthMonitor _monitor;
    private int _nextExitCode;
    private bool _hang;

    public HealthMonitorTests()
    {
        // The exec collector runs on real time (every 5 minutes): only the monitor's timers are driven by the test.
        _execs = new ExecService(_containers, new FakeSpecBuilder(), _events, TimeProvider.System, KillFake);
        _monitor = new HealthMonitor(_containers, _execs, _events, _time);
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _execs.Dispose();
    }

    [Fact]
    public async Task Goes_healthy_then_unhealthy_after_the_retries_and_publishes_each_change()
    {
        var task = Start(new HealthConfig { Test = ["CMD-SHELL", "test -f /tmp/ok"], Interval = Nanoseconds(Second), Retries = 2 });

        var initial = _monitor.Get(Id);
        await ProbeAsync(exitCode: 0);
        var healthy = _monitor.Get(Id)!;
        await ProbeAsync(exitCode: 1);
        var stillHealthy = _monitor.Get(Id)!;
        await ProbeAsync(exitCode: 1);
        var unhealthy = _monitor.Get(Id)!;

        Assert.Equal(HealthStatus.Starting, initial!.Status);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal((HealthStatus.Healthy, 1), (stillHealthy.Status, stillHealthy.FailingStreak));
        Assert.Equal((HealthStatus.Unhealthy, 2), (unhealthy.Status, unhealthy.FailingStreak));
        Assert.Equal(["/bin/sh", "-c", "test -f /tmp/ok"], _execs.Inspect(task.Execs[0].Spec.ExecId).ProcessConfig.Arguments.Prepend(_execs.Inspect(task.Execs[0].Spec.ExecId).ProcessConfig.Entrypoint));
        Assert.Equal(["exit 0\n", "exit 1\n", "exit 1\n"], unhealthy.Log.Select(entry => entry.Output));
        Assert.Equal([0, 1, 1], unhealthy.Log.Select(entry => entry.ExitCode));
        Assert.Equal("2026-01-02T03:04:06Z", unhealthy.Log[0].Start);
        var changes = _events.Events.Where(e => e.Action.StartsWith("health_status", StringComparison.Ordinal)).ToList();
        Assert.Equal(["health_status: healthy", "health_status: unhealthy"], changes.Select(e => e.Action));
        Assert.Equal("web", changes[0].Attributes["name"]);
        Assert.Contains("exec_create: /bin/sh -c test -f /tmp/ok", _events.Actions);
        Assert.Contains("exec_die", _events.Actions);
    }

    [Fact]
    public async Task Failures_within_the_start_period_do_not_count_and_use_the_start_interval()
    {
        Start(new HealthConfig { Test = ["CMD", "false"], Interval = Nanoseconds(TimeSpan.FromSeconds(10)), StartPeriod = Nanoseconds(TimeSpan.FromSeconds(3)), StartInterval = Nanoseconds(Second), Retries = 1 });

        await Eventually.TrueAsync(() => _time.Pending.Count == 1, "the first wait");
        var firstWait = _time.Pending[0];
        await ProbeAsync(exitCode: 1, after: Second);
        var inStartPeriod = _monitor.Get(Id)!;
        await ProbeAsync(exitCode: 1, after: Second);
        await ProbeAsync(exitCode: 1, after: Second);
        var afterStartPeriod = _monitor.Get(Id)!;

        Assert.Equal(Second, firstWait);
        Assert.Equal((HealthStatus.Starting, 0), (inStartPeriod.Status, inStartPeriod.FailingStreak));
        Assert.Equal((HealthStatus.Unhealthy, 1), (afterStartPeriod.Status, afterStartPeriod.FailingStreak));
        Assert.Equal(3, afterStartPeriod.Log.Count);
        await Eventually.TrueAsync(() => _time.Pending.SequenceEqual([TimeSpan.FromSeconds(10)]), "the normal interval after the start period");
    }

    [Fact]
    public async Task A_probe_past_its_timeout_is_killed_and_fails_with_dockerds_message()
    {
        Start(new HealthConfig { Test = ["CMD", "sleep", "60"], Interval = Nanoseconds(Second), Timeout = Nanoseconds(TimeSpan.FromSeconds(2)) });
        _hang = true;

        await Eventually.TrueAsync(() => _time.Pending.Count == 1, "the first wait");
        _time.Advance(Second);
        await Eventually.TrueAsync(() => _time.Pending.Contains(TimeSpan.FromSeconds(2)), "the probe's timeout");
        _time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => _monitor.Get(Id)!.Log.Count == 1, "the timed-out probe's result");

        var result = _monitor.Get(Id)!.Log[0];
        Assert.Equal(-1, result.ExitCode);
        Assert.Equal("Health check exceeded timeout (2s): partial\n", result.Output);
        Assert.Single(_killed);
    }

    [Fact]
    public async Task Only_the_last_five_probes_are_kept()
    {
        Start(new HealthConfig { Test = ["CMD", "true"], Interval = Nanoseconds(Second) });

        for (var i = 0; i < 7; i++)
        {
            await ProbeAsync(exitCode: i);
        }

        Assert.Equal([2, 3, 4, 5, 6], _monitor.Get(Id)!.Log.Select(entry => entry.ExitCode));
    }

    [Fact]
    public async Task A_stop_keeps_the_last_status_a_restart_resets_it_and_removal_forgets_it()
    {
        var config = new HealthConfig { Test = ["CMD", "true"], Interval = Nanoseconds(Second) };
        Start(config);
        await ProbeAsync(exitCode: 0);

        _monitor.OnStopped(Id);
        var stopped = _monitor.Get(Id);
        var timersAfterStop = _time.Pending.Count;
        Start(config);
        var restarted = _monitor.Get(Id);
        _monitor.OnRemoved(Id);

        Assert.Equal(HealthStatus.Healthy, stopped!.Status);
        Assert.Equal(0, timersAfterStop);
        Assert.Equal(HealthStatus.Starting, restarted!.Status);
        Assert.Single(restarted.Log);
        Assert.Null(_monitor.Get(Id));
    }

    [Fact]
    public void No_healthcheck_means_no_health()
    {
        _containers.Add(FakeContainerLookup.View(Id));
        _monitor.OnStarted(FakeContainerLookup.View(Id));
        _monitor.OnStarted(FakeContainerLookup.View(Id, config: new ContainerConfig { Healthcheck = new HealthConfig { Test = ["NONE"] } }));

        Assert.Null(_monitor.Get(Id));
        Assert.Empty(_time.Pending);
    }

    private static long Nanoseconds(TimeSpan span) => span.Ticks * 100;

    private FakeRuntimeTask Start(HealthConfig health)
    {
        var view = FakeContainerLookup.View(Id, config: new ContainerConfig { Image = "busybox", Healthcheck = health }) with
        {
            State = new ContainerState { Running = true, Status = "running", StartedAt = "2026-01-02T03:04:05Z" },
        };
        var task = _containers.Add(view);
        task.OnExec = exec =>
        {
            if (_hang)
            {
                exec.Output.Emit(OutputStream.Stdout, "partial\n");
                return;
            }

            exec.Output.Emit(OutputStream.Stderr, $"exit {_nextExitCode}\n");
            exec.Exit(_nextExitCode);
        };
        _monitor.OnStarted(view);
        return task;
    }

    /// <summary>Lets the next probe run (it exits with <paramref name="exitCode"/>) and waits for its result.</summary>
    private async Task ProbeAsync(int exitCode, TimeSpan? after = null)
    {
        _nextExitCode = exitCode;
        await Eventually.TrueAsync(() => _time.Pending.Count == 1, "the monitor waiting for its next probe");
        _time.Advance(after ?? _time.Pending[0]);
        var start = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => _monitor.Get(Id)!.Log is { Count: > 0 } log && log[^1].Start == start, "the probe's result");
    }

    private void KillFake(int pid)
    {
        lock (_killed)
        {
            _killed.Add(pid);
        }

        var task = (FakeRuntimeTask)_containers.GetTask(Id)!;
        task.Execs.Single(exec => exec.Pid == pid).Exit(137);
    }
}
