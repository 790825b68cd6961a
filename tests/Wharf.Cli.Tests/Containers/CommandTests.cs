using System.Text;
using Wharf.Cli.Tests.Images;
using Wharf.Client;

namespace Wharf.Cli.Tests.Containers;

/// <summary>The other container commands: what they send, print and exit with, as docker does.</summary>
public sealed class CommandTests
{
    /// <summary>A daemon where "c1" exists and anything named "bad" does not.</summary>
    private static ScriptedDaemon Daemon(Func<DaemonExchange, Task<bool>>? special = null) => new(async exchange =>
    {
        if (special is not null && await special(exchange))
        {
            return;
        }

        if (exchange.Request.Path.Contains("/bad", StringComparison.Ordinal))
        {
            await exchange.RespondAsync(404, """{"message":"No such container: bad"}""");
            return;
        }

        await exchange.NoContentAsync();
    });

    [Theory]
    [InlineData(new[] { "stop", "-t", "5", "-s", "KILL", "c1" }, "POST /containers/c1/stop?signal=KILL&t=5")]
    [InlineData(new[] { "stop", "c1" }, "POST /containers/c1/stop")]
    [InlineData(new[] { "restart", "-t", "3", "c1" }, "POST /containers/c1/restart?t=3")]
    [InlineData(new[] { "kill", "-s", "HUP", "c1" }, "POST /containers/c1/kill?signal=HUP")]
    [InlineData(new[] { "pause", "c1" }, "POST /containers/c1/pause")]
    [InlineData(new[] { "rm", "-f", "-v", "-l", "/c1" }, "DELETE /containers/c1?force=1&link=1&v=1")]
    [InlineData(new[] { "rename", "c1", "new" }, "POST /containers/c1/rename?name=new")]
    [InlineData(new[] { "top", "c1", "aux", "-o", "pid" }, "GET /containers/c1/top?ps_args=aux%20-o%20pid")]
    public async Task Each_command_sends_dockers_request(string[] args, string line)
    {
        await using var daemon = Daemon(async exchange =>
        {
            if (exchange.Request.Path.EndsWith("/top", StringComparison.Ordinal))
            {
                await exchange.RespondAsync(200, """{"Titles":["PID","CMD"],"Processes":[["1","sh"]]}""");
                return true;
            }

            return false;
        });

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), args);

        Assert.Equal((0, ""), (code, error));
        Assert.Equal([line], daemon.Lines);
    }

    [Theory]
    [InlineData("stop", "c1\n", "Error response from daemon: No such container: bad\nError response from daemon: No such container: bad\n", 1)]
    [InlineData("kill", "c1\n", "Error response from daemon: No such container: bad\nError response from daemon: No such container: bad\n", 1)]
    [InlineData("rm", "c1\n", "Error response from daemon: No such container: bad\nError response from daemon: No such container: bad\n", 1)]
    [InlineData("start", "c1\n", "Error response from daemon: No such container: bad\nError response from daemon: No such container: bad\nError: failed to start containers: bad, bad\n", 1)]
    public async Task Batches_print_the_successes_in_order_and_fail_with_every_error(string command, string output, string error, int exitCode)
    {
        await using var daemon = Daemon();

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), command, "c1", "bad", "bad");

        Assert.Equal((exitCode, output, error), result);
    }

    [Fact]
    public async Task Forced_rm_only_reports_containers_that_are_not_there()
    {
        await using var daemon = Daemon();

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "rm", "-f", "c1", "bad");

        Assert.Equal((0, "c1\n", "Error response from daemon: No such container: bad\n"), result);
    }

    [Fact]
    public async Task The_deprecated_time_flag_still_works_with_pflags_notice()
    {
        await using var daemon = Daemon();

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "stop", "--time", "3", "c1");

        Assert.Equal((0, "Flag --time has been deprecated, use --timeout instead\nc1\n", ""), result);
        Assert.Equal(["POST /containers/c1/stop?t=3"], daemon.Lines);
    }

    [Fact]
    public async Task Rename_reports_the_daemons_error_then_dockers_own()
    {
        await using var daemon = Daemon();

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "rename", "bad", "x");

        Assert.Equal((1, "", "Error response from daemon: No such container: bad\nError: failed to rename container named bad\n"), result);
    }

    [Fact]
    public async Task Wait_prints_each_exit_code()
    {
        await using var daemon = Daemon(async exchange =>
        {
            if (exchange.Request.Path == "/containers/c1/wait")
            {
                await exchange.RespondAsync(200, "{\"StatusCode\":137}\n");
                return true;
            }

            return false;
        });

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "wait", "c1", "bad");

        Assert.Equal((1, "137\n", "Error response from daemon: No such container: bad\n"), result);
        Assert.Equal(["POST /containers/c1/wait", "POST /containers/bad/wait"], daemon.Lines);
    }

    [Fact]
    public async Task Top_aligns_ps_output_like_docker()
    {
        await using var daemon = Daemon(async exchange =>
        {
            await exchange.RespondAsync(200, """{"Titles":["UID","PID","CMD"],"Processes":[["root","1","sleep 100"],["root","12345","sh"]]}""");
            return true;
        });

        var (_, output, _) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "top", "c1");

        Assert.Equal("UID                 PID                 CMD\nroot                1                   sleep 100\nroot                12345               sh\n", output);
    }

    [Fact]
    public async Task Diff_prints_kind_letters_and_paths()
    {
        await using var daemon = Daemon(async exchange =>
        {
            await exchange.RespondAsync(200, """[{"Path":"/etc","Kind":0},{"Path":"/etc/new","Kind":1},{"Path":"/gone","Kind":2}]""");
            return true;
        });

        var (_, output, _) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "diff", "c1");

        Assert.Equal("C /etc\nA /etc/new\nD /gone\n", output);
    }

    private static Func<DaemonExchange, Task<bool>> Inspect(string json) => async exchange =>
    {
        if (exchange.Request.Path == "/containers/c1/json")
        {
            await exchange.RespondAsync(200, json);
            return true;
        }

        return false;
    };

    [Theory]
    [InlineData(new[] { "port", "c1" }, 0, "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n443/tcp -> 127.0.0.1:8443\n", "")]
    [InlineData(new[] { "port", "c1", "80" }, 0, "0.0.0.0:8080\n[::]:8080\n", "")]
    [InlineData(new[] { "port", "c1", "53/udp" }, 1, "", "Error: No public port '53/udp' published for c1\n")]
    [InlineData(new[] { "port", "c1", "abc" }, 1, "", "Error: invalid port (abc): strconv.ParseUint: parsing \"abc\": invalid syntax\n")]
    public async Task Port_lists_published_addresses(string[] args, int exitCode, string output, string error)
    {
        await using var daemon = Daemon(Inspect("""{"Id":"c1","NetworkSettings":{"Ports":{"443/tcp":[{"HostIp":"127.0.0.1","HostPort":"8443"}],"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}],"53/udp":null}}}"""));

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), args);

        Assert.Equal((exitCode, output, error), result);
    }

    [Theory]
    [InlineData(false, "GET /containers/0123/logs?stderr=1&stdout=1&tail=all")]
    [InlineData(true, "GET /containers/0123/logs?details=1&follow=1&since=1795434600&stderr=1&stdout=1&tail=5&timestamps=1&until=1357133017.000000000")]
    public async Task Logs_ask_by_id_and_demultiplex_unless_the_container_has_a_tty(bool tty, string line)
    {
        await using var daemon = Daemon(async exchange =>
        {
            if (exchange.Request.Path == "/containers/c1/json")
            {
                await exchange.RespondAsync(200, "{\"Id\":\"0123\",\"Config\":{\"Tty\":" + (tty ? "true" : "false") + "}}");
                return true;
            }

            var body = tty ? "raw\n"u8.ToArray() : [.. StdCopy.Frame(1, "out\n"u8), .. StdCopy.Frame(2, "err\n"u8)];
            await exchange.RespondAsync(200, body, "application/vnd.docker.raw-stream");
            return true;
        });
        var console = new FakeConsole();
        string[] args = tty ? ["logs", "-f", "--since", "10m", "--until", "2013-01-02T13:23:37Z", "-t", "-n", "5", "--details", "c1"] : ["logs", "c1"];

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, args);

        Assert.Equal(0, code);
        Assert.Equal(line, daemon.Lines[1]);
        Assert.Equal(tty ? "raw\n" : "out\n", console.OutputText);
        Assert.Equal(tty ? "" : "err\n", console.ErrorText);
    }

    [Fact]
    public async Task Export_refuses_a_terminal_and_otherwise_streams_the_tar()
    {
        await using var daemon = Daemon(async exchange =>
        {
            await exchange.RespondAsync(200, "TAR"u8.ToArray(), "application/x-tar");
            return true;
        });
        var pipe = new FakeConsole();

        var refused = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(outputTerminal: true), "export", "c1");
        var exported = await ContainerCli.RunAsync(daemon.Host, pipe, "export", "c1");

        Assert.Equal((1, "", "cowardly refusing to save to a terminal. Use the -o flag or redirect\n"), refused);
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal("TAR", pipe.OutputText);
        Assert.Equal(["GET /containers/c1/export"], daemon.Lines);
    }

    [Fact]
    public async Task Update_sends_dockers_body_and_needs_at_least_one_flag()
    {
        await using var daemon = Daemon(async exchange =>
        {
            await exchange.RespondAsync(200, """{"Warnings":["Your kernel does not support swap limit capabilities."]}""");
            return true;
        });

        var none = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "update", "c1");
        var updated = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "update", "--memory", "64m", "--cpus", "0.5", "--pids-limit", "10", "--restart", "on-failure:2", "c1");

        Assert.Equal((1, "", "you must provide one or more flags when using this command\n"), none);
        Assert.Equal((0, "c1\nYour kernel does not support swap limit capabilities.\n", ""), updated);
        const string docker = """{"CpuShares":0,"Memory":67108864,"NanoCpus":500000000,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":null,"BlkioDeviceReadBps":null,"BlkioDeviceWriteBps":null,"BlkioDeviceReadIOps":null,"BlkioDeviceWriteIOps":null,"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":null,"DeviceCgroupRules":null,"DeviceRequests":null,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":null,"OomKillDisable":null,"PidsLimit":10,"Ulimits":null,"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":2}}""";
        Assert.Empty(JsonDifferences.Find(docker, daemon.Single("POST", "/update").Body));
    }

    [Theory]
    [InlineData("y\n", true)]
    [InlineData("n\n", false)]
    public async Task Container_prune_asks_first_unless_forced(string answer, bool pruned)
    {
        await using var daemon = Daemon(async exchange =>
        {
            await exchange.RespondAsync(200, """{"ContainersDeleted":["aaa","bbb"],"SpaceReclaimed":2048}""");
            return true;
        });

        var (code, output, _) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), new FakeStreams(text: answer), "container", "prune", "--filter", "until=10m");

        Assert.Equal(0, code);
        const string Prompt = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ";
        Assert.Equal(pruned ? Prompt + "Deleted Containers:\naaa\nbbb\n\nTotal reclaimed space: 2.048kB\n" : Prompt, output);
        Assert.Equal(pruned ? ["POST /containers/prune?filters=%7B%22until%22%3A%7B%2210m%22%3Atrue%7D%7D"] : [], daemon.Lines);
    }

    [Fact]
    public async Task Inspect_tries_a_container_then_an_image_then_a_network_then_gives_up()
    {
        await using var daemon = Daemon(async exchange =>
        {
            switch (exchange.Request.Path)
            {
                case "/containers/c1/json":
                    await exchange.RespondAsync(200, """{"Id":"c1id","Name":"/c1"}""");
                    return true;
                case "/images/busybox/json":
                    await exchange.RespondAsync(200, """{"Id":"sha256:img"}""");
                    return true;
                default:
                    await exchange.RespondAsync(404, """{"message":"No such object"}""");
                    return true;
            }
        });

        var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "inspect", "-f", "{{.Id}}", "c1", "busybox", "nope");

        Assert.Equal((1, "c1id\nsha256:img\n", "Error: No such object: nope\n"), (code, output, error));
        Assert.Equal(["GET /containers/c1/json", "GET /containers/busybox/json", "GET /images/busybox/json", "GET /containers/nope/json", "GET /images/nope/json", "GET /networks/nope"], daemon.Lines);
    }

    [Fact]
    public async Task Container_inspect_passes_size_and_reports_missing_containers_as_the_daemon_does()
    {
        await using var daemon = Daemon(async exchange =>
        {
            if (exchange.Request.Path == "/containers/c1/json")
            {
                await exchange.RespondAsync(200, """{"Id":"c1id","SizeRw":5}""");
                return true;
            }

            return false;
        });

        var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "container", "inspect", "-s", "--format", "{{.SizeRw}}", "c1", "bad");

        Assert.Equal((1, "5\n", "Error response from daemon: No such container: bad\n"), (code, output, error));
        Assert.Equal("GET /containers/c1/json?size=1", daemon.Lines[0]);
    }

    [Fact]
    public async Task Exec_inspects_creates_starts_hijacked_and_exits_with_the_execs_code()
    {
        await using var daemon = Daemon(async exchange =>
        {
            switch (exchange.Request.Method, exchange.Request.Path)
            {
                case ("GET", "/containers/c1/json"):
                    await exchange.RespondAsync(200, """{"Id":"c1"}""");
                    return true;
                case ("POST", "/containers/c1/exec"):
                    await exchange.RespondAsync(201, """{"Id":"e1"}""");
                    return true;
                case ("POST", "/exec/e1/start"):
                    await exchange.UpgradeAsync();
                    await exchange.ReadToEndAsync();
                    await exchange.WriteAsync(StdCopy.Frame(2, "sh: nope: not found\n"u8));
                    return true;
                case ("GET", "/exec/e1/json"):
                    await exchange.RespondAsync(200, """{"ID":"e1","Running":false,"ExitCode":127}""");
                    return true;
                default:
                    return false;
            }
        });
        var console = new FakeConsole();

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, "exec", "-e", "A=1", "-w", "/w", "-u", "1", "c1", "nope", "-x");

        Assert.Equal(127, code);
        Assert.Equal("sh: nope: not found\n", console.ErrorText);
        Assert.Equal(["GET /containers/c1/json", "POST /containers/c1/exec", "POST /exec/e1/start", "GET /exec/e1/json"], daemon.Lines);
        var create = daemon.Single("POST", "/containers/c1/exec").Body;
        Assert.Contains("\"Cmd\":[\"nope\",\"-x\"]", create, StringComparison.Ordinal);
        Assert.Contains("\"Env\":[\"A=1\"]", create, StringComparison.Ordinal);
        Assert.Contains("\"AttachStdout\":true,\"AttachStderr\":true", create, StringComparison.Ordinal);
        var start = daemon.Single("POST", "/exec/e1/start");
        Assert.Equal(("Upgrade", "application/json"), (start.Headers["Connection"], start.Headers["Content-Type"]));
        Assert.StartsWith("{\"Detach\":false,\"Tty\":false", start.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detached_exec_starts_without_hijacking_and_exits_zero()
    {
        await using var daemon = Daemon(async exchange =>
        {
            if (exchange.Request.Path == "/containers/c1/exec")
            {
                await exchange.RespondAsync(201, """{"Id":"e1"}""");
                return true;
            }

            if (exchange.Request.Path == "/containers/c1/json")
            {
                await exchange.RespondAsync(200, """{"Id":"c1"}""");
                return true;
            }

            await exchange.RespondAsync(200, "");
            return true;
        });

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "exec", "-d", "c1", "sleep", "9");

        Assert.Equal(0, code);
        var start = daemon.Single("POST", "/exec/e1/start");
        Assert.False(start.Headers.ContainsKey("Upgrade"));
        Assert.StartsWith("{\"Detach\":true", start.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_checks_the_state_first()
    {
        await using var daemon = Daemon(Inspect("""{"Id":"c1","Config":{"Tty":false},"State":{"Running":false}}"""));

        var result = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "attach", "c1");

        Assert.Equal((1, "", "cannot attach to a stopped container, start it first\n"), result);
    }

    [Fact]
    public async Task Start_attached_streams_and_exits_with_the_containers_status()
    {
        var script = new ContainerScript { ExitCode = 4 };
        await using var daemon = new ScriptedDaemon(async exchange =>
        {
            if (exchange.Request.Path == "/containers/web/json")
            {
                await exchange.RespondAsync(200, "{\"Id\":\"" + ContainerScript.Id + "\",\"Config\":{\"Tty\":false,\"OpenStdin\":true},\"HostConfig\":{\"AutoRemove\":false}}");
                return;
            }

            await script.HandleAsync(exchange);
        });
        var console = new FakeConsole(Encoding.UTF8.GetBytes("x"));

        var (code, _, _) = await ContainerCli.RunAsync(daemon.Host, console, "start", "-ai", "web");

        Assert.Equal(4, code);
        Assert.Equal("out\n", console.OutputText);
        Assert.Equal("x", ContainerScript.Text(script.ReceivedInput));
        Assert.Equal(
            ["GET /containers/web/json", $"POST /containers/{ContainerScript.Id}/attach?stderr=1&stdin=1&stdout=1&stream=1", $"POST /containers/{ContainerScript.Id}/wait?condition=next-exit", $"POST /containers/{ContainerScript.Id}/start"],
            daemon.Lines);
    }

    [Fact]
    public async Task Detaching_from_attach_reports_the_escape_sequence_as_docker_does()
    {
        await using var daemon = new ScriptedDaemon(async exchange =>
        {
            switch (exchange.Request.Path)
            {
                case "/containers/c1/json":
                    await exchange.RespondAsync(200, """{"Id":"c1","Config":{"Tty":true,"OpenStdin":true},"State":{"Running":true}}""");
                    break;
                case "/containers/c1/wait":
                    await exchange.BeginChunkedAsync();
                    await exchange.ReadToEndAsync();
                    break;
                case "/containers/c1/attach":
                    await exchange.UpgradeAsync();
                    await exchange.ReadToEndAsync();
                    break;
                default:
                    await exchange.NoContentAsync();
                    break;
            }
        });
        var console = new FakeConsole(inputTerminal: true, inputStream: new OneByteStream([(byte)'a', 16, 17]));

        var result = await ContainerCli.RunAsync(daemon.Host, console, "attach", "c1");

        Assert.Equal((1, "", "read escape sequence\n"), result);
        Assert.Equal(["POST /containers/c1/wait", "GET /containers/c1/json", "POST /containers/c1/attach?stderr=1&stdin=1&stdout=1&stream=1", "GET /containers/c1/json"], daemon.Lines);
        Assert.Equal((1, 1), (console.RawModeEntered, console.RawModeRestored));
    }
}
