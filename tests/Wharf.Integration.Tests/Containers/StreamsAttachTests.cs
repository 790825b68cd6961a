using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary><c>docker run</c> (attached) and <c>docker attach</c> on a terminal, detaching with ctrl-p ctrl-q.</summary>
public sealed class StreamsAttachTests(StreamsDaemonFixture fixture, ITestOutputHelper output) : IClassFixture<StreamsDaemonFixture>
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Run_shows_the_whole_output_and_returns_the_exit_code()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("run");
        try
        {
            // The pause: output of a process that ends before the attach reaches the shim needs the shim's replay (not there yet).
            var run = await Daemon.Docker.RunAsync("run", "--name", name, "busybox", "sh", "-c", "sleep 1; echo first; echo second >&2; exit 3");

            Assert.Equal((3, "first\n", "second\n"), (run.ExitCode, run.Stdout, run.Stderr));
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Run_interactive_passes_stdin_through()
    {
        using var log = Daemon.CaptureLog(output);

        var run = await StreamsCli.RunWithInputAsync(Daemon, "one\ntwo\n", "run", "--rm", "-i", "busybox", "sed", "s/^/got /");

        Assert.Equal((0, "got one\ngot two\n"), (run.ExitCode, run.Stdout));
    }

    [RootFact]
    public async Task Attach_shows_live_output_and_ctrl_p_ctrl_q_detaches_without_stopping()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("attach");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-dit", "--name", name, "busybox", "sh");
            await using var terminal = StreamsTerminal.Start(Daemon, "attach", name);

            await terminal.TypeAsync("echo marker-$((6*7))\r");
            await terminal.WaitForOutputAsync("marker-42", Daemon);
            await terminal.TypeAsync(0x10, 0x11);
            await terminal.WaitForExitAsync(Daemon);

            Assert.Equal("true", (await Daemon.Docker.RunOkAsync("inspect", "-f", "{{.State.Running}}", name)).Stdout.Trim());
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Attach_ends_when_the_container_stops()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("attachend");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sh", "-c", "sleep 2; echo bye");

            var attach = await Daemon.Docker.RunAsync("attach", name);

            Assert.Equal("bye\n", attach.Stdout);
            Assert.Equal(0, attach.ExitCode);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }
}
