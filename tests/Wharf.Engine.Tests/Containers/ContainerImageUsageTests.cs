using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerImageUsageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_image_used_by_a_stopped_container_needs_force_and_by_a_running_one_cannot_go()
    {
        await using var h = new ContainerServiceHarness();
        var imageId = await h.AddImageAsync();
        var id = await h.CreateAsync();
        var shortImage = imageId["sha256:".Length..][..12];

        var untag = Assert.Throws<EngineException>(() => h.Images.Remove("busybox", force: false, noPrune: false));
        var stopped = Assert.Throws<EngineException>(() => h.Images.Remove(imageId, force: false, noPrune: false));
        await h.Service.StartAsync(id, None);
        var running = Assert.Throws<EngineException>(() => h.Images.Remove(imageId, force: true, noPrune: false));

        Assert.Equal((ErrorKind.Conflict, $"conflict: unable to remove repository reference \"busybox\" (must force) - container {id[..12]} is using its referenced image {shortImage}"), (untag.Kind, untag.Message));
        Assert.Equal($"conflict: unable to delete {shortImage} (must be forced) - image is being used by stopped container {id[..12]}", stopped.Message);
        Assert.Equal($"conflict: unable to delete {shortImage} (cannot be forced) - image is being used by running container {id[..12]}", running.Message);
    }

    [Fact]
    public async Task A_forced_delete_keeps_the_layers_the_container_sits_on()
    {
        await using var h = new ContainerServiceHarness();
        var imageId = await h.AddImageAsync();
        var id = await h.CreateAsync();
        var chain = h.Images.Resolve("busybox").TopChainId!;

        h.Images.Remove(imageId, force: true, noPrune: false);

        Assert.NotNull(h.Layers.Get(chain));
        Assert.Contains(h.Service.List(new Engine.Containers.ContainerListOptions(All: true)), c => c.Id == id && c.Image == imageId);
        await h.Service.RemoveAsync(id, false, false, false, None);
        Assert.Null(h.Layers.Get(chain));
    }
}
