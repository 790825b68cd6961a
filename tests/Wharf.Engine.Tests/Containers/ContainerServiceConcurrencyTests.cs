using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerServiceConcurrencyTests
{
    [Fact]
    public async Task Fifty_containers_are_created_started_and_removed_in_parallel()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var references = h.LayerReferences("busybox");

        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var id = await h.CreateAsync("c" + i);
            await h.Service.StartAsync(id, CancellationToken.None);
            return id;
        }));
        Assert.Equal(50, h.Service.Counts().Running);
        Assert.Equal(references + 50, h.LayerReferences("busybox"));

        await Task.WhenAll(ids.Select(id => h.Service.RemoveAsync(id, force: true, removeVolumes: false, removeLink: false, CancellationToken.None)));

        Assert.Empty(h.Service.List(new ContainerListOptions(All: true)));
        Assert.Empty(Directory.EnumerateDirectories(h.ContainersRoot));
        Assert.Equal(references, h.LayerReferences("busybox"));
        Assert.Empty(h.Runtime.States);
    }
}
