using Wharf.Engine.Events;
using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerSystemUsageTests
{
    [Fact]
    public async Task Info_counts_containers_by_state_and_df_lists_them_with_each_images_count()
    {
        await using var h = new ContainerServiceHarness();
        var imageId = await h.AddImageAsync();
        var running = await h.CreateAsync();
        await h.Service.StartAsync(running, CancellationToken.None);
        await h.CreateAsync();
        using var events = new EventBus(h.State, TimeProvider.System);
        var system = new SystemService(new EngineOptions { DataRoot = h.Options.DataRoot, ExecRoot = h.Options.ExecRoot }, HostInfo.Detect(), events, h.State, h.Images, h.Service);

        var info = system.GetInfo();
        var usage = system.GetDataUsage();

        Assert.Equal((2, 1, 0, 1), (info.Containers, info.ContainersRunning, info.ContainersPaused, info.ContainersStopped));
        Assert.Equal(2, usage.Containers.Count);
        Assert.Equal(2, Assert.Single(usage.Images, i => i.Id == imageId).Containers);
    }
}
