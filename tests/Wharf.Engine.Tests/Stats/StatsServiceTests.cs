using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Stats;
using Wharf.Engine.Tests.Exec;
using Wharf.Engine.Tests.Health;

namespace Wharf.Engine.Tests.Stats;

public sealed class StatsServiceTests
{
    private const string Id = "5a75000000000000000000000000000000000000000000000000000000000001";

    private readonly FakeContainerLookup _containers = new();
    private readonly CountingSampler _sampler = new();
    private readonly ManualTimers _time = new(DateTimeOffset.UnixEpoch);
    private readonly StatsService _stats;

    public StatsServiceTests()
    {
        _stats = new StatsService(_containers, _sampler, _time);
    }

    [Fact]
    public async Task Without_streaming_the_second_sample_is_sent_with_the_first_as_precpu()
    {
        _containers.Add(FakeContainerLookup.View(Id));

        var samples = _stats.Open("web", stream: false, oneShot: false).GetAsyncEnumerator();
        var next = samples.MoveNextAsync();
        await Eventually.TrueAsync(() => _time.Pending.Count == 1, "the wait for the second sample");
        _time.Advance(StatsService.Interval);
        Assert.True(await next);
        var sample = samples.Current;

        Assert.Equal("/web", sample.Name);
        Assert.Equal(Id, sample.Id);
        Assert.Equal(2UL, sample.CpuStats.CpuUsage.TotalUsage);
        Assert.Equal(1UL, sample.PrecpuStats.CpuUsage.TotalUsage);
        Assert.Equal("sample-1", sample.Preread);
        Assert.False(await samples.MoveNextAsync());
    }

    [Fact]
    public async Task One_shot_sends_the_first_sample_with_an_empty_precpu()
    {
        _containers.Add(FakeContainerLookup.View(Id));

        var samples = await _stats.Open(Id, stream: false, oneShot: true).ToListAsync();

        var sample = Assert.Single(samples);
        Assert.Equal(1UL, sample.CpuStats.CpuUsage.TotalUsage);
        Assert.Equal(0UL, sample.PrecpuStats.CpuUsage.TotalUsage);
        Assert.Equal(StatsService.ZeroTime, sample.Preread);
    }

    [Fact]
    public async Task Streaming_sends_a_sample_per_interval_each_with_the_previous_as_precpu()
    {
        _containers.Add(FakeContainerLookup.View(Id));

        var samples = _stats.Open(Id, stream: true, oneShot: false).GetAsyncEnumerator();
        Assert.True(await samples.MoveNextAsync());
        var first = samples.Current;
        var next = samples.MoveNextAsync();
        await Eventually.TrueAsync(() => _time.Pending.Count == 1, "the interval");
        _time.Advance(StatsService.Interval);
        Assert.True(await next);
        var second = samples.Current;
        await samples.DisposeAsync();

        Assert.Equal((1UL, 0UL), (first.CpuStats.CpuUsage.TotalUsage, first.PrecpuStats.CpuUsage.TotalUsage));
        Assert.Equal((2UL, 1UL), (second.CpuStats.CpuUsage.TotalUsage, second.PrecpuStats.CpuUsage.TotalUsage));
    }

    [Fact]
    public async Task A_stopped_container_gives_one_empty_sample()
    {
        _containers.Add(FakeContainerLookup.View(Id, running: false));

        var sample = Assert.Single(await _stats.Open(Id, stream: false, oneShot: false).ToListAsync());

        Assert.Equal((Id, "/web"), (sample.Id, sample.Name));
        Assert.Equal(StatsService.ZeroTime, sample.Read);
        Assert.Equal(0UL, sample.CpuStats.CpuUsage.TotalUsage);
        Assert.Null(sample.MemoryStats.Usage);
        Assert.Equal(0, _sampler.Count);
    }

    [Fact]
    public void Bad_requests_fail_before_anything_is_sampled()
    {
        _containers.Add(FakeContainerLookup.View(Id));

        var both = Assert.Throws<EngineException>(() => _stats.Open(Id, stream: true, oneShot: true));
        var missing = Assert.Throws<EngineException>(() => _stats.Open("nope", stream: false, oneShot: false));

        Assert.Equal((ErrorKind.InvalidParameter, "cannot have stream=true and one-shot=true"), (both.Kind, both.Message));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    /// <summary>Sample n has total CPU usage n and read time "sample-n".</summary>
    private sealed class CountingSampler : IStatsSampler
    {
        public int Count { get; private set; }

        public ContainerStats Sample(ContainerView container, int pid)
        {
            Count++;
            return new ContainerStats
            {
                Read = "sample-" + Count,
                CpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = (ulong)Count } },
            };
        }
    }
}
