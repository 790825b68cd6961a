using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary><c>docker exec</c> against wharfd: the container's env and cwd, exit codes, stdin, users, -d.</summary>
public sealed class StreamsExecTests(StreamsDaemonFixture fixture, ITestOutputHelper output) : IClassFixture<StreamsDaemonFixture>
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Exec_sees_the_containers_env_and_cwd_and_passes_the_exit_code_through()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("exec");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "-e", "GREETING=bonjour", "-w", "/tmp", "busybox", "sleep", "300");

            var env = await Daemon.Docker.RunOkAsync("exec", name, "sh", "-c", "echo $GREETING; pwd");
            var overridden = await Daemon.Docker.RunOkAsync("exec", "-e", "GREETING=hallo", "-w", "/", name, "sh", "-c", "echo $GREETING; pwd");
            var exit = await Daemon.Docker.RunAsync("exec", name, "sh", "-c", "echo out; echo err >&2; exit 7");
            var user = await Daemon.Docker.RunOkAsync("exec", "-u", "nobody", name, "id", "-u");

            Assert.Equal("bonjour\n/tmp\n", env.Stdout);
            Assert.Equal("hallo\n/\n", overridden.Stdout);
            Assert.Equal((7, "out\n", "err\n"), (exit.ExitCode, exit.Stdout, exit.Stderr));
            Assert.Equal("65534\n", user.Stdout);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Exec_with_stdin_feeds_the_process_until_eof()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("execin");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sleep", "300");

            var cat = await StreamsCli.RunWithInputAsync(Daemon, "hello\nworld\n", "exec", "-i", name, "cat");
            var count = await StreamsCli.RunWithInputAsync(Daemon, "a\nb\nc\n", "exec", "-i", name, "wc", "-l");

            Assert.Equal((0, "hello\nworld\n"), (cat.ExitCode, cat.Stdout));
            Assert.Equal("3", count.Stdout.Trim());
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Exec_of_a_missing_command_and_in_a_stopped_container_fail_like_docker()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("execfail");
        var stopped = StreamsDaemonFixture.UniqueName("execstopped");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sleep", "300");
            await Daemon.Docker.RunOkAsync("create", "--name", stopped, "busybox", "true");

            var missing = await Daemon.Docker.RunAsync("exec", name, "no-such-command");
            var notRunning = await Daemon.Docker.RunAsync("exec", stopped, "true");

            Assert.Equal(127, missing.ExitCode);
            Assert.Contains("no-such-command", missing.Stdout + missing.Stderr, StringComparison.Ordinal);
            Assert.NotEqual(0, notRunning.ExitCode);
            Assert.Contains("is not running", notRunning.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name, stopped);
        }
    }

    [RootFact]
    public async Task A_detached_exec_runs_in_the_background()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("execd");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sleep", "300");

            await Daemon.Docker.RunOkAsync("exec", "-d", name, "sh", "-c", "echo done > /tmp/marker");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            ProcessResult marker;
            do
            {
                marker = await Daemon.Docker.RunAsync("exec", name, "cat", "/tmp/marker");
            }
            while (marker.ExitCode != 0 && DateTime.UtcNow < deadline);

            Assert.Equal("done\n", marker.Stdout);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }
}
