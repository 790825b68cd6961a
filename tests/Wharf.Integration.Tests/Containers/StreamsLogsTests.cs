using System.Text.RegularExpressions;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary><c>docker logs</c> against wharfd: streams, --tail, --since, -t, -f, TTY output.</summary>
public sealed partial class StreamsLogsTests(StreamsDaemonFixture fixture, ITestOutputHelper output) : IClassFixture<StreamsDaemonFixture>
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Logs_of_a_stopped_container_keep_stdout_and_stderr_apart()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("logs");
        try
        {
            // stdout and stderr are separate pipes, read apart (as in dockerd): the pause keeps their order in the log certain.
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sh", "-c", "for i in 1 2 3 4 5; do echo line$i; done; sleep 0.5; echo oops >&2");

            await StreamsCli.WaitForInspectAsync(Daemon, name, "{{.State.Status}}", "exited");
            var all = await Daemon.Docker.RunOkAsync("logs", name);
            var tail = await Daemon.Docker.RunOkAsync("logs", "--tail", "2", name);
            var future = await Daemon.Docker.RunOkAsync("logs", "--since", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), name);
            var past = await Daemon.Docker.RunOkAsync("logs", "--since", "10m", name);
            var stamped = await Daemon.Docker.RunOkAsync("logs", "-t", "--tail", "1", name);
            var followed = await Daemon.Docker.RunOkAsync("logs", "-f", name);

            Assert.Equal("line1\nline2\nline3\nline4\nline5\n", all.Stdout);
            Assert.Equal("oops\n", all.Stderr);
            Assert.Equal("line5\n", tail.Stdout);
            Assert.Equal("oops\n", tail.Stderr);
            Assert.Equal("", future.Stdout + future.Stderr);
            Assert.Equal(all.Stdout, past.Stdout);
            Assert.Matches(Timestamped(), stamped.Stderr);
            Assert.Equal(all.Stdout, followed.Stdout);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Following_a_running_container_ends_when_it_stops()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("follow");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sh", "-c", "echo start; sleep 2; echo end");

            var followed = await Daemon.Docker.RunOkAsync("logs", "-f", name);

            Assert.Equal("start\nend\n", followed.Stdout);
            Assert.Equal("false", (await Daemon.Docker.RunOkAsync("inspect", "-f", "{{.State.Running}}", name)).Stdout.Trim());
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task A_tty_container_logs_what_the_terminal_wrote()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("ttylogs");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "-t", "--name", name, "busybox", "sh", "-c", "echo hello; echo again >&2");
            await StreamsCli.WaitForInspectAsync(Daemon, name, "{{.State.Status}}", "exited");

            var logs = await Daemon.Docker.RunOkAsync("logs", name);

            Assert.Equal("hello\r\nagain\r\n", logs.Stdout);
            Assert.Equal("", logs.Stderr);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Logs_answer_dockers_errors()
    {
        using var log = Daemon.CaptureLog(output);

        var missing = await Daemon.Docker.RunAsync("logs", "no-such-container-here");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("Error response from daemon: No such container: no-such-container-here\n", missing.Stderr);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z oops\n$")]
    private static partial Regex Timestamped();
}
