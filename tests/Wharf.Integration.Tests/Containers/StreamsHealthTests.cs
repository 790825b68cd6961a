using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>HEALTHCHECK through <c>--health-cmd</c>: starting → healthy → unhealthy, in inspect, ps and events.</summary>
public sealed class StreamsHealthTests(StreamsDaemonFixture fixture, ITestOutputHelper output) : IClassFixture<StreamsDaemonFixture>
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task A_healthcheck_goes_healthy_then_unhealthy_and_publishes_both()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("health");
        var window = EventWindow.Open();
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "--health-cmd", "test -f /tmp/ok", "--health-interval", "1s", "--health-retries", "2", "busybox", "sh", "-c", "touch /tmp/ok; sleep 300");

            await StreamsCli.WaitForInspectAsync(Daemon, name, "{{.State.Health.Status}}", "healthy");
            var ps = await Daemon.Docker.RunOkAsync("ps", "--filter", "name=" + name, "--format", "{{.Status}}");
            await Daemon.Docker.RunOkAsync("exec", name, "rm", "/tmp/ok");
            await StreamsCli.WaitForInspectAsync(Daemon, name, "{{.State.Health.Status}}", "unhealthy");
            await window.CloseAfterAsync(Daemon, "container", "health_status: unhealthy");
            var events = await Daemon.Docker.RunOkAsync("events", "--since", window.SinceArg, "--until", window.UntilArg, "--filter", "container=" + name, "--filter", "event=health_status", "--format", "{{.Action}} {{.Actor.Attributes.name}}");
            var health = await Daemon.Docker.RunOkAsync("inspect", "-f", "{{.State.Health.FailingStreak}} {{(index .State.Health.Log 0).ExitCode}}", name);

            Assert.EndsWith("(healthy)\n", ps.Stdout, StringComparison.Ordinal);
            Assert.Equal($"health_status: healthy {name}\nhealth_status: unhealthy {name}\n", events.Stdout);
            // Probes go on after unhealthy: the streak is at least the retries by now.
            var streak = health.Stdout.Split(' ');
            Assert.True(int.Parse(streak[0], System.Globalization.CultureInfo.InvariantCulture) >= 2, health.Stdout);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }
}
