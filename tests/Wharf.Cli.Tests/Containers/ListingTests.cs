using Wharf.Cli.Commands.Containers.Stats;

namespace Wharf.Cli.Tests.Containers;

/// <summary>ps and stats output held to docker's, byte for byte, over the same daemon answers.</summary>
public sealed class ListingTests
{
    private static ScriptedDaemon Daemon() => new(async exchange =>
    {
        switch (exchange.Request.Path)
        {
            case "/containers/json":
                await exchange.RespondAsync(200, DockerListOutputs.Containers);
                break;
            case "/containers/c1/stats":
                await exchange.RespondAsync(200, DockerListOutputs.StatsSample + "\n");
                break;
            default:
                await exchange.RespondAsync(404, """{"message":"No such container: bad"}""");
                break;
        }
    });

    [Theory]
    [InlineData(new string[0], DockerListOutputs.Table)]
    [InlineData(new[] { "-s" }, DockerListOutputs.SizeTable)]
    [InlineData(new[] { "--no-trunc" }, DockerListOutputs.NoTruncTable)]
    [InlineData(new[] { "--format", "json" }, DockerListOutputs.Json)]
    [InlineData(new[] { "--format", "raw" }, DockerListOutputs.Raw)]
    [InlineData(new[] { "-q" }, "4f7ab1f1c3e2\n9e8f7a4f7ab1\n")]
    [InlineData(new[] { "--format", "{{.Names}}|{{.Label \"a\"}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}|{{.State}}" }, "web|1|0123456789abcd…,/tmp|1|bridge|running\nold|||0||exited\n")]
    public async Task Ps_prints_what_docker_prints(string[] flags, string expected)
    {
        await using var daemon = Daemon();

        var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), ["ps", .. flags]);

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "-a", "-n", "3", "-s" }, "?all=1&limit=3&size=1")]
    [InlineData(new[] { "-l" }, "?limit=1")]
    [InlineData(new[] { "-n", "0" }, "")]
    [InlineData(new[] { "--format", "{{.Size}}" }, "?size=1")]
    [InlineData(new[] { "--size=false", "--format", "{{.Size}}" }, "")]
    [InlineData(new[] { "-f", "status=exited", "-f", "name=a" }, "?filters=%7B%22name%22%3A%7B%22a%22%3Atrue%7D%2C%22status%22%3A%7B%22exited%22%3Atrue%7D%7D")]
    public async Task Ps_asks_for_what_docker_asks_for(string[] flags, string query)
    {
        await using var daemon = Daemon();

        await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), ["ps", .. flags]);

        Assert.Equal("GET /containers/json" + query, Assert.Single(daemon.Lines));
    }

    [Fact]
    public async Task Ps_warns_when_quiet_overrides_a_format()
    {
        await using var daemon = Daemon();

        var (_, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "ps", "-q", "--format", "{{.Names}}");

        Assert.Equal("4f7ab1f1c3e2\n9e8f7a4f7ab1\n", output);
        Assert.Equal("WARNING: Ignoring custom format, because both --format and --quiet are set.\n", error);
    }

    [Fact]
    public async Task Ps_rejects_a_broken_template_before_asking_the_daemon()
    {
        await using var daemon = Daemon();

        var (code, _, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "ps", "--format", "{{.ID");

        Assert.Equal((1, "failed to parse template: template: :1: unclosed action\n"), (code, error));
        Assert.Empty(daemon.Lines);
    }

    [Theory]
    [InlineData(new string[0], DockerListOutputs.StatsTable)]
    [InlineData(new[] { "--no-trunc", "--format", "json" }, DockerListOutputs.StatsJson)]
    public async Task Stats_no_stream_prints_what_docker_prints(string[] flags, string expected)
    {
        await using var daemon = Daemon();

        var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), ["stats", "--no-stream", .. flags, "c1"]);

        Assert.Equal((0, expected, ""), (code, output, error));
        Assert.Equal(["GET /containers/c1/stats?stream=0"], daemon.Lines);
    }

    [Fact]
    public async Task Stats_for_a_missing_container_fails_with_the_daemons_error()
    {
        await using var daemon = Daemon();

        var (code, output, error) = await ContainerCli.RunAsync(daemon.Host, new FakeConsole(), "stats", "--no-stream", "c1", "bad");

        Assert.Equal((1, "", "Error response from daemon: No such container: bad\n"), (code, output, error));
    }

    [Fact]
    public void The_streaming_frame_is_dockers_home_table_erase_sequence()
    {
        var frame = StatsRenderer.Frame("HEADER\nrow\n");

        Assert.Equal("\u001b[HHEADER\nrow\n\u001b[HHEADER \u001b[K\nrow \u001b[K\n \u001b[K\n\u001b[J", frame);
    }

    [Theory]
    [InlineData("total_inactive_file", 10, 90)]
    [InlineData("inactive_file", 5, 95)]
    [InlineData("inactive_file", 300, 100)]
    public void Memory_usage_leaves_out_the_inactive_page_cache_on_cgroup_v1_and_v2(string key, ulong inactive, double expected)
    {
        var memory = new Wharf.Api.MemoryStats { Usage = 100, Stats = new Dictionary<string, ulong> { [key] = inactive } };

        Assert.Equal(expected, StatsCalculator.MemoryWithoutCache(memory));
    }

    [Fact]
    public void Cpu_percent_is_the_share_of_all_cpus_between_the_two_samples()
    {
        var previous = new Wharf.Api.CpuStats { CpuUsage = new() { TotalUsage = 100 }, SystemCpuUsage = 1000 };
        var current = new Wharf.Api.CpuStats { CpuUsage = new() { TotalUsage = 300 }, SystemCpuUsage = 3000, OnlineCpus = 4 };

        Assert.Equal(40.0, StatsCalculator.CpuPercent(previous, current), 6);
        Assert.Equal(0.0, StatsCalculator.CpuPercent(current, previous));
    }
}
