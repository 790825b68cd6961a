using System.Text.RegularExpressions;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary><c>docker stats --no-stream</c> and <c>docker top</c> against wharfd.</summary>
public sealed partial class StreamsStatsTests(StreamsDaemonFixture fixture, ITestOutputHelper output) : IClassFixture<StreamsDaemonFixture>
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Stats_show_memory_usage_against_the_limit()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("stats");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "-m", "64m", "busybox", "sleep", "300");

            var stats = await Daemon.Docker.RunOkAsync("stats", "--no-stream", "--format", "{{.Name}}|{{.MemUsage}}|{{.CPUPerc}}|{{.PIDs}}", name);

            var fields = stats.Stdout.Trim().Split('|');
            Assert.Equal(name, fields[0]);
            Assert.Matches(MemUsage(), fields[1]);
            Assert.EndsWith("%", fields[2], StringComparison.Ordinal);
            Assert.Equal("1", fields[3]);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name);
        }
    }

    [RootFact]
    public async Task Top_lists_the_containers_processes()
    {
        using var log = Daemon.CaptureLog(output);
        var name = StreamsDaemonFixture.UniqueName("top");
        var stopped = StreamsDaemonFixture.UniqueName("topstopped");
        try
        {
            await Daemon.Docker.RunOkAsync("run", "-d", "--name", name, "busybox", "sleep", "300");
            await Daemon.Docker.RunOkAsync("create", "--name", stopped, "busybox", "true");

            var top = await Daemon.Docker.RunOkAsync("top", name);
            var custom = await Daemon.Docker.RunOkAsync("top", name, "-o", "pid,args");
            var notRunning = await Daemon.Docker.RunAsync("top", stopped);

            var lines = top.Stdout.TrimEnd('\n').Split('\n');
            Assert.Matches(@"^UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD$", lines[0]);
            Assert.Single(lines.Skip(1));
            Assert.EndsWith("sleep 300", lines[1], StringComparison.Ordinal);
            Assert.Contains("sleep 300", custom.Stdout, StringComparison.Ordinal);
            Assert.Equal(1, notRunning.ExitCode);
            Assert.Contains("is not running", notRunning.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await StreamsCli.RemoveAsync(Daemon, name, stopped);
        }
    }

    [GeneratedRegex(@"^\d+(\.\d+)?[KMG]?i?B / 64MiB$")]
    private static partial Regex MemUsage();
}
