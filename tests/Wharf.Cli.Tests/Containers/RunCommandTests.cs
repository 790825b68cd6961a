using System.Text;

namespace Wharf.Cli.Tests.Containers;

/// <summary>The run flow against a daemon that plays dockerd's part: order of calls, streams, exit codes.</summary>
public sealed class RunCommandTests
{
    private const string Attach = "POST /containers/" + ContainerScript.Id + "/attach";
    private const string Wait = "POST /containers/" + ContainerScript.Id + "/wait";
    private const string Start = "POST /containers/" + ContainerScript.Id + "/start";

    [Fact]
    public async Task Run_attaches_before_it_waits_and_starts_and_exits_with_the_containers_status()
    {
        var script = new ContainerScript { ExitCode = 3 };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var console = new FakeConsole();

        var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, console, "run", "busybox", "echo", "hi");

        Assert.Equal((3, "", ""), (code, output, error));
        Assert.Equal(["POST /containers/create", Attach + "?stderr=1&stdout=1&stream=1", Wait + "?condition=next-exit", Start], daemon.Lines);
        Assert.Equal("out\n", console.OutputText);
        Assert.Equal("err\n", console.ErrorText);
        var attach = daemon.Single("POST", "/attach");
        Assert.Equal(("Upgrade", "tcp", "text/plain"), (attach.Headers["Connection"], attach.Headers["Upgrade"], attach.Headers["Content-Type"]));
    }

    [Fact]
    public async Task Detached_run_prints_the_full_id_without_attaching()
    {
        var script = new ContainerScript();
        await using var daemon = new ScriptedDaemon(script.HandleAsync);

        var (code, output, _) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "-d", "busybox");

        Assert.Equal((0, ContainerScript.Id + "\n"), (code, output));
        Assert.Equal(["POST /containers/create", Wait + "?condition=next-exit", Start], daemon.Lines);
        Assert.Contains("\"AttachStdout\":false", daemon.Single("POST", "/containers/create").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rm_sets_auto_remove_and_waits_for_removal()
    {
        var script = new ContainerScript();
        await using var daemon = new ScriptedDaemon(script.HandleAsync);

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "--rm", "busybox");

        Assert.Equal(0, code);
        Assert.Contains(Wait + "?condition=removed", daemon.Lines);
        Assert.Contains("\"AutoRemove\":true", daemon.Single("POST", "/containers/create").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_run_sends_stdin_then_half_closes_so_the_container_sees_eof()
    {
        var script = new ContainerScript { EchoInput = true };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var console = new FakeConsole(Encoding.UTF8.GetBytes("typed input\n"));

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, "run", "-i", "busybox", "cat");

        Assert.Equal(0, code);
        Assert.Contains(Attach + "?stderr=1&stdin=1&stdout=1&stream=1", daemon.Lines);
        Assert.Equal("typed input\n", ContainerScript.Text(script.ReceivedInput));
        Assert.Equal("typed input\n", console.OutputText);
        Assert.Contains("\"OpenStdin\":true,\"StdinOnce\":true", daemon.Single("POST", "/containers/create").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tty_stream_is_copied_raw_in_raw_mode_and_the_detach_keys_end_it_with_status_zero()
    {
        // ctrl-p ctrl-q typed one key at a time, as a terminal delivers them.
        var script = new ContainerScript { Output = "raw tty bytes"u8.ToArray(), ExitCode = 9 };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var console = new FakeConsole(inputTerminal: true, inputStream: new OneByteStream([(byte)'l', (byte)'s', 16, 17, (byte)'x']));

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, console, "run", "-it", "busybox", "sh");

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(1, console.RawModeEntered);
        Assert.Equal(1, console.RawModeRestored);
    }

    [Fact]
    public async Task A_tty_run_sends_the_terminal_size_after_start()
    {
        var script = new ContainerScript { Output = "raw"u8.ToArray() };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var console = new FakeConsole(outputTerminal: true, size: (40, 120));

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, "run", "-t", "busybox");

        Assert.Equal(0, code);
        Assert.Equal("raw", console.OutputText);
        Assert.Contains("POST /containers/" + ContainerScript.Id + "/resize?h=40&w=120", daemon.Lines);
        Assert.Contains("\"ConsoleSize\":[40,120]", daemon.Single("POST", "/containers/create").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tty_with_stdin_needs_a_terminal_on_stdin()
    {
        await using var daemon = new ScriptedDaemon(new ContainerScript().HandleAsync);

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "-it", "busybox");

        Assert.Equal((1, "the input device is not a TTY\n"), (code, error));
        Assert.Empty(daemon.Lines);
    }

    [Theory]
    [InlineData("failed to create task: exec: \\\"foo\\\": executable file not found in $PATH", 127)]
    [InlineData("open /x: no such file or directory", 127)]
    [InlineData("exec /bin/sh: permission denied", 126)]
    [InlineData("read /: is a directory", 126)]
    [InlineData("something else broke", 125)]
    public async Task A_failed_start_maps_to_dockers_exit_codes(string message, int exitCode)
    {
        var script = new ContainerScript { StartError = message };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "busybox");

        Assert.Equal(exitCode, code);
        Assert.Equal($"wharf: Error response from daemon: {message.Replace("\\\"", "\"", StringComparison.Ordinal)}\n\nRun 'wharf run --help' for more information\n", error);
    }

    [Fact]
    public async Task A_missing_image_is_pulled_then_the_create_is_retried()
    {
        var script = new ContainerScript { MissingImageTimes = 1 };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "busybox");

        Assert.Equal(0, code);
        Assert.StartsWith("Unable to find image 'busybox:latest' locally\n", error, StringComparison.Ordinal);
        Assert.Equal(["POST /containers/create", "POST /images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest", "POST /containers/create"], daemon.Lines.Take(3));
        Assert.Equal("e30=", daemon.Single("POST", "/images/create").Headers["X-Registry-Auth"]);
    }

    [Fact]
    public async Task A_failed_pull_is_a_daemon_error_with_status_125()
    {
        var script = new ContainerScript { MissingImageTimes = 1, PullError = "pull access denied for nothere" };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "nothere");

        Assert.Equal(125, code);
        Assert.Equal("Unable to find image 'nothere:latest' locally\nwharf: Error response from daemon: pull access denied for nothere\n\nRun 'wharf run --help' for more information\n", error);
    }

    [Fact]
    public async Task Pull_never_reports_the_missing_image_without_pulling()
    {
        var script = new ContainerScript { MissingImageTimes = 1 };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "run", "--pull", "never", "busybox");

        Assert.Equal(125, code);
        Assert.Equal("wharf: Error response from daemon: No such image: busybox:latest\n\nRun 'wharf run --help' for more information\n", error);
        Assert.Equal(["POST /containers/create"], daemon.Lines);
    }

    [Fact]
    public async Task Create_prints_the_id_and_the_daemons_warnings_and_writes_the_cidfile()
    {
        var script = new ContainerScript { Warnings = ["Your kernel does not support swap limit capabilities."] };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var cidFile = Path.Combine(Path.GetTempPath(), $"wharf-cid-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "create", "--cidfile", cidFile, "--name", "web", "busybox");

            Assert.Equal((0, ContainerScript.Id + "\n", "WARNING: Your kernel does not support swap limit capabilities.\n"), (code, output, error));
            Assert.Equal(ContainerScript.Id, await File.ReadAllTextAsync(cidFile));
            Assert.Equal("POST /containers/create?name=web", daemon.Lines[0]);
        }
        finally
        {
            File.Delete(cidFile);
        }
    }

    [Fact]
    public async Task A_failed_create_removes_the_cidfile_again()
    {
        var script = new ContainerScript { MissingImageTimes = 5, PullError = "no registry" };
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var cidFile = Path.Combine(Path.GetTempPath(), $"wharf-cid-{Guid.NewGuid():N}");

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "create", "--cidfile", cidFile, "busybox");

        Assert.Equal(1, code);
        Assert.EndsWith("Error response from daemon: no registry\n", error, StringComparison.Ordinal);
        Assert.False(File.Exists(cidFile));
    }

    [Theory]
    [InlineData(new[] { "run", "-m", "x", "busybox" }, 125, "invalid argument \"x\" for \"-m, --memory\" flag: invalid size: 'x'\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "--pull", "bogus", "busybox" }, 125, "wharf: invalid pull option: 'bogus': must be one of \"always\", \"missing\" or \"never\"\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "create", "--pid", "bad", "busybox" }, 125, "wharf: --pid: invalid PID mode\n\nRun 'wharf create --help' for more information\n")]
    [InlineData(new[] { "run", "-a", "stdin", "-d", "busybox" }, 1, "conflicting options: cannot specify both --attach and --detach\n")]
    [InlineData(new[] { "run" }, 1, "wharf: 'wharf run' requires at least 1 argument\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'wharf run --help' for more information\n")]
    [InlineData(new[] { "create", "-d", "busybox" }, 125, "unknown shorthand flag: 'd' in -d\n\nUsage:  wharf create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf create --help' for more information\n")]
    [InlineData(new[] { "run", "--cpus", "abc", "busybox" }, 125, "invalid argument \"abc\" for \"--cpus\" flag: failed to parse abc as a rational number\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "--health-interval", "5", "busybox" }, 125, "invalid argument \"5\" for \"--health-interval\" flag: time: missing unit in duration \"5\"\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "--blkio-weight", "70000", "busybox" }, 125, "invalid argument \"70000\" for \"--blkio-weight\" flag: strconv.ParseUint: parsing \"70000\": value out of range\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "--ulimit", "nofile=5:1", "busybox" }, 125, "invalid argument \"nofile=5:1\" for \"--ulimit\" flag: ulimit soft limit must be less than or equal to hard limit: 5 > 1\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "--mount", "type=bogus", "busybox" }, 125, "invalid argument \"type=bogus\" for \"--mount\" flag: target is required\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "-l", " c = d ", "busybox" }, 125, "invalid argument \" c = d \" for \"-l, --label\" flag: label 'c ' contains whitespaces\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    [InlineData(new[] { "run", "--add-host", "a:b", "busybox" }, 125, "invalid argument \"a:b\" for \"--add-host\" flag: invalid IP address in add-host: \"b\"\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n")]
    public async Task Bad_flags_fail_before_any_request_with_dockers_text_and_status(string[] args, int exitCode, string message)
    {
        await using var daemon = new ScriptedDaemon(new ContainerScript().HandleAsync);

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), args);

        Assert.Equal((exitCode, message), (code, error));
        Assert.Empty(daemon.Lines);
    }

    [Fact]
    public async Task Signals_are_forwarded_to_the_container_while_it_runs()
    {
        var script = new ContainerScript();
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var console = new FakeConsole { SignalWhenCaught = "TERM" };

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, "run", "busybox", "sleep", "1");

        Assert.Equal(0, code);

        // Forwarding is fire-and-forget, as docker's: the kill may still be on its way when run returns.
        await Eventually.TrueAsync(() => daemon.Lines.Contains("POST /containers/" + ContainerScript.Id + "/kill?signal=TERM"));
    }

    [Fact]
    public async Task Without_sig_proxy_no_signal_is_caught()
    {
        var script = new ContainerScript();
        await using var daemon = new ScriptedDaemon(script.HandleAsync);
        var console = new FakeConsole { SignalWhenCaught = "TERM" };

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, "run", "--sig-proxy=false", "busybox");

        Assert.Equal(0, code);
        Assert.False(console.SignalsCaught);
    }
}
