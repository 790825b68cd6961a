using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;
using Wharf.Linux;
using Wharf.Shim.Tests.Harness;

namespace Wharf.Shim.Tests;

/// <summary>ShimRuntime driving the real wharf-shim and runc on a busybox bundle, as root.</summary>
public sealed partial class ShimRuntimeTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public ShimRuntimeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [RootFact]
    public async Task ExitCodeAndBothStreamsReachTheJsonFileLog()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sh", "-c", "echo out; echo err >&2; exit 3"]);

        var exit = await task.Exited.WaitAsync(ExitTimeout);

        Assert.Equal(3, exit.ExitCode);
        Assert.False(exit.OomKilled);
        var lines = File.ReadAllLines(sandbox.LogPath(id));
        Assert.Equal(2, lines.Length);
        var records = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var stdout = Assert.Single(records, r => (string?)r["stream"] == "stdout");
        var stderr = Assert.Single(records, r => (string?)r["stream"] == "stderr");
        Assert.Equal("out\n", (string?)stdout["log"]);
        Assert.Equal("err\n", (string?)stderr["log"]);
        foreach (var line in lines)
        {
            // Docker's key order and Go's RFC3339Nano (UTC, no trailing zeros in the fraction).
            Assert.Matches(DockerJsonLine(), line);
        }

        var recorded = sandbox.Runtime.ReadRecordedExit(id);
        Assert.NotNull(recorded);
        Assert.Equal(3, recorded.ExitCode);
        Assert.Equal(exit.FinishedAt, recorded.FinishedAt);
    }

    [RootFact]
    public async Task AStartThatRuncRefusesThrowsRuncsMessageAndLeavesNothing()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var id = RuntimeSandbox.NewId();
        var bundle = sandbox.WriteBundle(id, ["/no/such/binary"]);

        var error = await Assert.ThrowsAsync<EngineException>(() => sandbox.Runtime.StartAsync(sandbox.Spec(id, bundle), CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
        Assert.StartsWith("failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such file or directory", error.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.LiveShims());
        Assert.Null(sandbox.ShimPid(id));
    }

    [RootFact]
    public async Task AttachReceivesLiveOutputUntilTheContainerIsKilled()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (_, task) = await sandbox.StartAsync(["sh", "-c", "while true; do echo tick; echo tock >&2; sleep 0.05; done"]);
        await using var stream = await task.AttachAsync(stdin: false, stdout: true, stderr: true, CancellationToken.None);

        var (stdout, stderr, ended) = await StreamReading.ReadUntilAsync(stream, (o, e) => o.Contains("tick\n", StringComparison.Ordinal) && e.Contains("tock\n", StringComparison.Ordinal));
        Assert.False(ended);
        Assert.DoesNotContain("tock", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("tick", stderr, StringComparison.Ordinal);

        await task.SignalAsync(ProcessControl.SignalKill, CancellationToken.None);
        var (_, _, endedAfterKill) = await StreamReading.ReadToEndAsync(stream);
        Assert.True(endedAfterKill);
        var exit = await task.Exited.WaitAsync(ExitTimeout);
        Assert.Equal(137, exit.ExitCode);
    }

    [RootFact]
    public async Task StdinRoundTripsThroughCatAndStdinOnceClosesIt()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["cat"], openStdin: true, stdinOnce: true);
        await using var stream = await task.AttachAsync(stdin: true, stdout: true, stderr: true, CancellationToken.None);

        await stream.WriteStdinAsync("hello\n"u8.ToArray(), CancellationToken.None);
        var (stdout, _, _) = await StreamReading.ReadUntilAsync(stream, (o, _) => o.Contains("hello\n", StringComparison.Ordinal));
        Assert.Equal("hello\n", stdout);
        await stream.CloseStdinAsync(CancellationToken.None);

        var exit = await task.Exited.WaitAsync(ExitTimeout);
        Assert.Equal(0, exit.ExitCode);
        Assert.Contains("\"log\":\"hello\\n\"", await File.ReadAllTextAsync(sandbox.LogPath(id)), StringComparison.Ordinal);
    }

    [RootFact]
    public async Task TtyOutputAndResizeReachTheTerminal()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sh", "-c", "read a; stty size; read b; stty size"], tty: true, openStdin: true);
        await using var stream = await task.AttachAsync(stdin: true, stdout: true, stderr: true, CancellationToken.None);

        await stream.WriteStdinAsync("a\n"u8.ToArray(), CancellationToken.None);
        var (first, _, _) = await StreamReading.ReadUntilAsync(stream, (o, _) => o.Contains("24 80", StringComparison.Ordinal));
        Assert.Contains("24 80", first, StringComparison.Ordinal);

        await task.ResizeAsync(40, 100, CancellationToken.None);
        await stream.WriteStdinAsync("b\n"u8.ToArray(), CancellationToken.None);
        var (second, stderr, _) = await StreamReading.ReadUntilAsync(stream, (o, _) => o.Contains("40 100", StringComparison.Ordinal));
        Assert.Contains("40 100", second, StringComparison.Ordinal);
        Assert.Equal("", stderr);

        var exit = await task.Exited.WaitAsync(ExitTimeout);
        Assert.Equal(0, exit.ExitCode);
        // A terminal has one stream: everything is logged as stdout, with the terminal's \r\n.
        var log = await File.ReadAllTextAsync(sandbox.LogPath(id));
        Assert.Contains("\"log\":\"40 100\\r\\n\",\"stream\":\"stdout\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("stderr", log, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task ExecReportsItsOutputEnvironmentAndExitCode()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (_, task) = await sandbox.StartAsync(["sleep", "1000"]);
        var process = new JsonObject
        {
            ["args"] = new JsonArray("sh", "-c", "echo $FOO; echo oops >&2; exit 7"),
            ["env"] = new JsonArray("PATH=/bin", "FOO=bar"),
            ["cwd"] = "/",
            ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 },
        };

        await using var exec = await task.ExecAsync(new RuntimeExecSpec("e1", process.ToJsonString(), Tty: false, AttachStdin: false, AttachStdout: true, AttachStderr: true), CancellationToken.None);
        var (stdout, stderr, ended) = await StreamReading.ReadToEndAsync(exec.Stream);

        Assert.True(ended);
        Assert.True(exec.Pid > 0);
        Assert.Equal("bar\n", stdout);
        Assert.Equal("oops\n", stderr);
        Assert.Equal(7, await exec.Exited.WaitAsync(ExitTimeout));

        // Detached: nothing attached, the exit still arrives.
        process["args"] = new JsonArray("sh", "-c", "exit 4");
        await using var detached = await task.ExecAsync(new RuntimeExecSpec("e2", process.ToJsonString(), false, false, false, false), CancellationToken.None);
        Assert.Equal(4, await detached.Exited.WaitAsync(ExitTimeout));

        process["args"] = new JsonArray("no-such-command");
        var error = await Assert.ThrowsAsync<EngineException>(() => task.ExecAsync(new RuntimeExecSpec("e3", process.ToJsonString(), false, false, true, true), CancellationToken.None));
        Assert.StartsWith("OCI runtime exec failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("executable file not found in $PATH", error.Message, StringComparison.Ordinal);

        await task.SignalAsync(ProcessControl.SignalKill, CancellationToken.None);
        Assert.Equal(137, (await task.Exited.WaitAsync(ExitTimeout)).ExitCode);
    }

    [RootFact]
    public async Task ExecWithATerminalRoundTripsStdinAndResizes()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (_, task) = await sandbox.StartAsync(["sleep", "1000"]);
        var process = new JsonObject
        {
            ["terminal"] = true,
            ["args"] = new JsonArray("sh", "-c", "read a; stty size; read b; stty size"),
            ["env"] = new JsonArray("PATH=/bin"),
            ["cwd"] = "/",
            ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 },
        };

        await using var exec = await task.ExecAsync(new RuntimeExecSpec("t1", process.ToJsonString(), Tty: true, AttachStdin: true, AttachStdout: true, AttachStderr: true, InitialHeight: 30, InitialWidth: 90), CancellationToken.None);
        await exec.Stream.WriteStdinAsync("a\n"u8.ToArray(), CancellationToken.None);
        var (first, _, _) = await StreamReading.ReadUntilAsync(exec.Stream, (o, _) => o.Contains("30 90", StringComparison.Ordinal));
        Assert.Contains("30 90", first, StringComparison.Ordinal);
        await exec.ResizeAsync(50, 120, CancellationToken.None);
        await exec.Stream.WriteStdinAsync("b\n"u8.ToArray(), CancellationToken.None);
        var (second, _, _) = await StreamReading.ReadToEndAsync(exec.Stream);
        Assert.Contains("50 120", second, StringComparison.Ordinal);
        Assert.Equal(0, await exec.Exited.WaitAsync(ExitTimeout));
    }

    [RootFact]
    public async Task SigtermKillsANonInitProcessWith143()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        // Without a pid namespace sleep is not pid 1, so SIGTERM's default action applies.
        var (_, task) = await sandbox.StartAsync(["sleep", "1000"], patch: spec =>
        {
            var namespaces = spec["linux"]!["namespaces"]!.AsArray();
            foreach (var pid in namespaces.Where(n => (string?)n!["type"] == "pid").ToList())
            {
                namespaces.Remove(pid);
            }
        });

        await task.SignalAsync(ProcessControl.SignalTerminate, CancellationToken.None);

        var exit = await task.Exited.WaitAsync(ExitTimeout);
        Assert.Equal(143, exit.ExitCode);
    }

    [RootFact]
    public async Task TheOomKillerIsReported()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        const long Limit = 8 << 20;
        var (_, task) = await sandbox.StartAsync(["sh", "-c", "tail /dev/zero"], patch: spec =>
            spec["linux"]!["resources"] = new JsonObject { ["memory"] = new JsonObject { ["limit"] = Limit, ["swap"] = Limit } });

        var exit = await task.Exited.WaitAsync(ExitTimeout);

        Assert.Equal(137, exit.ExitCode);
        Assert.True(exit.OomKilled);
    }

    [RootFact]
    public async Task JsonFileRotatesAtMaxSizeKeepingMaxFileFiles()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var id = RuntimeSandbox.NewId();
        var log = sandbox.JsonLog(id, new Dictionary<string, string> { ["max-size"] = "1k", ["max-file"] = "3" });
        var bundle = sandbox.WriteBundle(id, ["sh", "-c", "i=0; while [ $i -lt 200 ]; do echo line-$i; i=$((i+1)); done"]);
        var task = await sandbox.Runtime.StartAsync(sandbox.Spec(id, bundle, log: log), CancellationToken.None);
        sandbox.Track(task);

        Assert.Equal(0, (await task.Exited.WaitAsync(ExitTimeout)).ExitCode);

        Assert.True(File.Exists(log.Path));
        Assert.True(File.Exists(log.Path + ".1"));
        Assert.True(File.Exists(log.Path + ".2"));
        Assert.False(File.Exists(log.Path + ".3"));
        foreach (var file in (string[])[log.Path + ".1", log.Path + ".2"])
        {
            // Rotation happens before the record that would start at or past max-size (1k = 1000 bytes).
            var size = new FileInfo(file).Length;
            Assert.InRange(size, 1000, 1100);
        }

        var reader = new JsonFileLogReader();
        var lines = new List<string>();
        await foreach (var record in reader.ReadAsync(log, new LogReadOptions(true, true, null, null, null, false, null), CancellationToken.None))
        {
            lines.Add(Encoding.UTF8.GetString(record.Line.Span));
        }

        Assert.Equal("line-199\n", lines[^1]);
        var first = int.Parse(lines[0]["line-".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(first, 200 - first).Select(i => $"line-{i}\n"), lines);
    }

    [RootFact]
    public async Task TheLocalDriverWritesDockersFramedRecords()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var id = RuntimeSandbox.NewId();
        var log = new LogSpec("local", Path.Combine(sandbox.Root, "logs", id, "local-logs", "container.log"), new Dictionary<string, string>());
        var bundle = sandbox.WriteBundle(id, ["sh", "-c", "echo one; echo two >&2; printf three"]);
        var task = await sandbox.Runtime.StartAsync(sandbox.Spec(id, bundle, log: log), CancellationToken.None);
        sandbox.Track(task);
        Assert.Equal(0, (await task.Exited.WaitAsync(ExitTimeout)).ExitCode);

        var records = new List<LogRecord>();
        await foreach (var record in new JsonFileLogReader().ReadAsync(log, new LogReadOptions(true, true, null, null, null, false, null), CancellationToken.None))
        {
            records.Add(record);
        }

        Assert.Equal(3, records.Count);
        Assert.Contains(records, r => r.Stream == OutputStream.Stdout && Encoding.UTF8.GetString(r.Line.Span) == "one\n");
        Assert.Contains(records, r => r.Stream == OutputStream.Stderr && Encoding.UTF8.GetString(r.Line.Span) == "two\n");
        // The last bytes before the stream ended had no newline: a partial record, without one.
        Assert.Contains(records, r => r.Stream == OutputStream.Stdout && Encoding.UTF8.GetString(r.Line.Span) == "three");
    }

    [RootFact]
    public async Task FollowingTheLogDeliversLiveRecordsAndStopsWhenTheContainerDoes()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sh", "-c", "i=0; while [ $i -lt 30 ]; do echo n$i; i=$((i+1)); sleep 0.02; done"]);
        var stop = task.Exited;

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        await foreach (var record in new JsonFileLogReader().ReadAsync(sandbox.JsonLog(id), new LogReadOptions(true, true, null, null, null, true, stop), timeout.Token))
        {
            lines.Add(Encoding.UTF8.GetString(record.Line.Span));
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"n{i}\n"), lines);
    }

    [RootFact]
    public async Task AShimOutlivesItsRuntimeAndANewRuntimeReconnects()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sleep", "1000"]);
        var pid = task.Pid;
        await task.DisposeAsync();

        var restarted = sandbox.NewRuntime();
        var reconnected = await restarted.ReconnectAsync(id, CancellationToken.None);
        Assert.NotNull(reconnected);
        sandbox.Track(reconnected);
        Assert.Equal(pid, reconnected.Pid);
        Assert.Contains(pid, await restarted.ListPidsAsync(id, CancellationToken.None));

        await reconnected.SignalAsync(ProcessControl.SignalKill, CancellationToken.None);
        Assert.Equal(137, (await reconnected.Exited.WaitAsync(ExitTimeout)).ExitCode);
    }

    [RootFact]
    public async Task AnExitWhileNobodyListensIsRecorded()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sleep", "1000"]);
        var pid = task.Pid;
        await task.DisposeAsync();

        // The container ends while no wharfd is connected.
        Assert.True(ProcessControl.SendSignal(pid, ProcessControl.SignalKill));
        Assert.True(await sandbox.WaitForNoShimsAsync());

        var restarted = sandbox.NewRuntime();
        Assert.Null(await restarted.ReconnectAsync(id, CancellationToken.None));
        var exit = restarted.ReadRecordedExit(id);
        Assert.NotNull(exit);
        Assert.Equal(137, exit.ExitCode);
        Assert.Contains(id, restarted.ListStates());
        await restarted.CleanupAsync(id, CancellationToken.None);
        Assert.DoesNotContain(id, restarted.ListStates());
        Assert.Null(restarted.ReadRecordedExit(id));
    }

    [RootFact]
    public async Task PauseResumeUpdateAndListPidsWorkOnARunningContainer()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sh", "-c", "sleep 1000 & sleep 1000"]);
        var freezer = "/sys/fs/cgroup/freezer" + RuntimeSandbox.CgroupsPath(id) + "/freezer.state";

        var pids = await sandbox.Runtime.ListPidsAsync(id, CancellationToken.None);
        Assert.Contains(task.Pid, pids);
        Assert.InRange(pids.Count, 2, 3);

        await sandbox.Runtime.PauseAsync(id, CancellationToken.None);
        Assert.Equal("FROZEN", (await File.ReadAllTextAsync(freezer)).Trim());
        await sandbox.Runtime.ResumeAsync(id, CancellationToken.None);
        Assert.Equal("THAWED", (await File.ReadAllTextAsync(freezer)).Trim());

        await sandbox.Runtime.UpdateAsync(id, """{"memory":{"limit":67108864}}""", CancellationToken.None);
        Assert.Equal("67108864", (await File.ReadAllTextAsync(RuntimeSandbox.MemoryCgroup(id) + "/memory.limit_in_bytes")).Trim());

        await task.SignalAsync(ProcessControl.SignalKill, CancellationToken.None);
        await task.Exited.WaitAsync(ExitTimeout);
        await Assert.ThrowsAsync<EngineException>(() => task.SignalAsync(ProcessControl.SignalKill, CancellationToken.None));
    }

    [GeneratedRegex("""^\{"log":"([^"\\]|\\.)*","stream":"(stdout|stderr)","time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,8}[1-9])?Z"\}$""")]
    private static partial Regex DockerJsonLine();
}
