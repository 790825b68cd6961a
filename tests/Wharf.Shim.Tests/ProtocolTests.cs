using System.Text;
using System.Text.Json;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests;

public sealed class ProtocolTests
{
    [Fact]
    public void RequestsRoundTripAndLeaveDefaultsOut()
    {
        var request = new ShimRequest { Op = ShimOperations.Exec, Stdout = true, ExecId = "e1", Process = "{\"args\":[\"sh\"]}", Height = 24, Width = 80, Tty = true };

        var line = ShimMessages.EncodeRequest(request);
        var decoded = ShimMessages.DecodeRequest(line.AsSpan(0, line.Length - 1));

        Assert.Equal("{\"op\":\"exec\",\"stdout\":true,\"execId\":\"e1\",\"height\":24,\"width\":80,\"process\":\"{\\u0022args\\u0022:[\\u0022sh\\u0022]}\",\"tty\":true}\n", Encoding.UTF8.GetString(line));
        Assert.Equal(request.Op, decoded.Op);
        Assert.Equal(request.Process, decoded.Process);
        Assert.True(decoded.Stdout);
        Assert.False(decoded.Stdin);
        Assert.Equal(24, decoded.Height);
        Assert.Equal("e1", decoded.ExecId);
    }

    [Fact]
    public void ResponsesRoundTripAndUnknownPropertiesAreIgnored()
    {
        Assert.Equal("{\"pid\":42}\n", Encoding.UTF8.GetString(ShimMessages.EncodeResponse(new ShimResponse { Pid = 42 })));
        var decoded = ShimMessages.DecodeResponse("{\"exited\":true,\"exitCode\":137,\"oomKilled\":true,\"future\":{\"x\":[1]},\"finishedAt\":\"2026-12-01T21:00:00Z\"}"u8);
        Assert.True(decoded.Exited);
        Assert.Equal(137, decoded.ExitCode);
        Assert.True(decoded.OomKilled);
        Assert.Equal("2026-12-01T21:00:00Z", decoded.FinishedAt);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"pid\":\"x\"}")]
    [InlineData("{\"pid\":")]
    public void MalformedMessagesAreJsonExceptions(string json) =>
        Assert.ThrowsAny<JsonException>(() => ShimMessages.DecodeResponse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void TheExitRecordAlwaysHasAllItsFields()
    {
        var json = ShimMessages.EncodeExitRecord(new ShimExitRecord { ExitCode = 0, FinishedAt = "2026-12-01T21:00:00Z" });
        Assert.Equal("{\"exitCode\":0,\"finishedAt\":\"2026-12-01T21:00:00Z\",\"oomKilled\":false}", Encoding.UTF8.GetString(json));
        Assert.Equal("2026-12-01T21:00:00Z", ShimMessages.DecodeExitRecord(json).FinishedAt);
    }

    [Fact]
    public void TheReaderSeparatesTheLineFromTheFramesThatFollowItInTheSameRead()
    {
        var data = new MemoryStream([.. "{\"op\":\"attach\"}\n"u8.ToArray(), .. ShimFrames.Encode(ShimFrameKind.Stdin, "abc"u8), .. ShimFrames.EncodeExit(3)]);
        var reader = new ShimConnectionReader(data);

        Assert.Equal("{\"op\":\"attach\"}", Encoding.UTF8.GetString(reader.ReadLine()!));
        var stdin = reader.ReadFrame()!.Value;
        Assert.Equal(ShimFrameKind.Stdin, stdin.Kind);
        Assert.Equal("abc"u8.ToArray(), stdin.Payload);
        var exit = reader.ReadFrame()!.Value;
        Assert.Equal(ShimFrameKind.Exit, exit.Kind);
        Assert.Equal(3, ShimFrames.DecodeExit(exit.Payload));
        Assert.Null(reader.ReadFrame());
    }

    [Fact]
    public void ShimArgumentsRoundTrip()
    {
        var arguments = new ShimArguments
        {
            Id = "abc",
            BundleDirectory = "/b",
            StateDirectory = "/s",
            SocketPath = "/x/s/abc.sock",
            RuntimeRoot = "/r",
            Tty = true,
            StdinOnce = true,
            LogDriver = LogDrivers.Local,
            LogPath = "/l/container.log",
            LogOptions = new Dictionary<string, string> { ["max-size"] = "1m", ["max-file"] = "2" },
            MemoryCgroupPath = "/sys/fs/cgroup/memory/x",
            Height = 24,
            Width = 80,
        };

        var parsed = ShimArguments.Parse(arguments.ToArguments());

        Assert.Equal(arguments.ToArguments(), parsed.ToArguments());
        Assert.True(parsed.Tty);
        Assert.False(parsed.OpenStdin);
        Assert.Equal("1m", parsed.LogOptions["max-size"]);
        Assert.Throws<FormatException>(() => ShimArguments.Parse(["--id", "x", "--bogus", "y"]));
        Assert.Throws<FormatException>(() => ShimArguments.Parse(["--id", "x"]));
    }

    [Theory]
    [InlineData("10k", 10_000L)]
    [InlineData("1m", 1_000_000L)]
    [InlineData("1.5MB", 1_500_000L)]
    [InlineData("2 g", 2_000_000_000L)]
    [InlineData("123", 123L)]
    [InlineData("-1", -1L)]
    public void MaxSizeIsGoUnitsFromHumanSize(string text, long expected) => Assert.Equal(expected, LogFileLimits.ParseSize(text));

    [Fact]
    public void EachDriverHasDockersDefaults()
    {
        Assert.Equal(new LogFileLimits(-1, 1), LogFileLimits.For(LogDrivers.JsonFile, new Dictionary<string, string>()));
        Assert.Equal(new LogFileLimits(20L << 20, 5), LogFileLimits.For(LogDrivers.Local, new Dictionary<string, string>()));
        Assert.Throws<FormatException>(() => LogFileLimits.For(LogDrivers.JsonFile, new Dictionary<string, string> { ["max-file"] = "0" }));
        Assert.Throws<FormatException>(() => LogFileLimits.ParseSize("ten"));
    }

    [Fact]
    public void RuncsStateFileGivesCgroupsPoststopHooksAndThePid()
    {
        var root = Directory.CreateTempSubdirectory("wharf-shim-state-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "c1"));
            File.WriteAllText(Path.Combine(root.FullName, "c1", "state.json"), """
                {"id":"c1","init_process_pid":1234,"config":{"rootfs":"/r","hooks":{"prestart":[{"path":"/x"}],"poststop":[{"path":"/bin/true","args":["true"]}]},"labels":["a"]},
                 "cgroup_paths":{"":"/sys/fs/cgroup/unified/c1","memory":"/sys/fs/cgroup/memory/c1","pids":"/sys/fs/cgroup/pids/c1"},"namespace_paths":{}}
                """);

            var state = RuncStateFile.TryRead(root.FullName, "c1");

            Assert.NotNull(state);
            Assert.Equal(1234, state.InitPid);
            Assert.True(state.HasPoststopHooks);
            Assert.Equal("/sys/fs/cgroup/pids/c1", state.ProcessCgroup());
            Assert.Equal("/sys/fs/cgroup/memory/c1", state.MemoryCgroup());
            Assert.Null(RuncStateFile.TryRead(root.FullName, "missing"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
