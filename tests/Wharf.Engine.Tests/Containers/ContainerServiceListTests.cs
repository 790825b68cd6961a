using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerServiceListTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Ps_shows_running_containers_and_all_shows_every_one_newest_first()
    {
        await using var h = new ContainerServiceHarness(new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await h.AddImageAsync();
        var old = await h.CreateAsync("old", ["sh", "-c", "echo a b"]);
        h.Clock!.Advance(TimeSpan.FromSeconds(1));
        var young = await h.CreateAsync("young");
        await h.Service.StartAsync(young, None);
        h.Clock.Advance(TimeSpan.FromSeconds(3));

        var running = h.Service.List(new ContainerListOptions());
        var all = h.Service.List(new ContainerListOptions(All: true));

        var summary = Assert.Single(running);
        Assert.Equal(young, summary.Id);
        Assert.Equal(["/young"], summary.Names);
        Assert.Equal("Up 3 seconds", summary.Status);
        Assert.Equal("running", summary.State);
        Assert.Equal("busybox", summary.Image);
        Assert.Equal("bridge", summary.HostConfig.NetworkMode);
        Assert.Equal([young, old], all.Select(c => c.Id));
        Assert.Equal("sh -c 'echo a b'", all[1].Command);
        Assert.Equal("Created", all[1].Status);
    }

    [Fact]
    public async Task Filters_select_like_dockerd()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        await h.AddImageAsync("other:latest");
        var web = await h.CreateAsync("web-1", hostConfig: new HostConfig());
        var db = await h.Service.CreateAsync("db", null, new ContainerCreateRequest { Image = "other", Labels = new() { ["tier"] = "data" } }, None);
        await h.Service.StartAsync(web, None);
        await h.Service.StartAsync(db.Id, None);
        h.TaskOf(db.Id).Exit(3);
        await h.EventuallyAsync(() => h.Service.Inspect(db.Id, false).State.Status, s => s == "exited", "the exit");

        Assert.Equal([web], Ids(h, "{\"name\":{\"web\":true}}"));
        Assert.Equal([web], Ids(h, "{\"name\":{\"^/web-[0-9]$\":true}}"));
        Assert.Equal([db.Id], Ids(h, "{\"status\":{\"exited\":true}}"));
        Assert.Equal([db.Id], Ids(h, "{\"exited\":{\"3\":true}}"));
        Assert.Equal([db.Id], Ids(h, "{\"label\":{\"tier=data\":true}}"));
        Assert.Equal([db.Id], Ids(h, "{\"ancestor\":{\"other\":true}}"));
        Assert.Equal([web], Ids(h, $"{{\"id\":{{\"{web[..6]}\":true}}}}"));
        Assert.Equal([web], Ids(h, "{\"health\":{\"none\":true}}", all: false));
        Assert.Empty(Ids(h, "{\"is-task\":{\"true\":true}}"));
        Assert.Equal([db.Id], Ids(h, "{\"since\":{\"web-1\":true}}"));
        Assert.Equal([web], Ids(h, "{\"before\":{\"db\":true}}"));
        Assert.Equal([web], Ids(h, "{\"network\":{\"bridge\":true}}", all: false));
    }

    [Theory]
    [InlineData("{\"status\":{\"sleeping\":true}}", "invalid filter 'status=sleeping'")]
    [InlineData("{\"exited\":{\"x\":true}}", "invalid filter 'exited=x': strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("{\"health\":{\"ok\":true}}", "Unrecognised filter value for health: ok")]
    [InlineData("{\"colour\":{\"red\":true}}", "invalid filter 'colour'")]
    [InlineData("{\"publish\":{\"80:80\":true}}", "filter for 'publish' should not contain ':': 80:80")]
    public async Task Invalid_filters_have_dockerds_messages(string filters, string message)
    {
        await using var h = new ContainerServiceHarness();

        var error = Assert.Throws<EngineException>(() => h.Service.List(new ContainerListOptions(FiltersJson: filters)));

        Assert.Equal((ErrorKind.InvalidParameter, message), (error.Kind, error.Message));
    }

    [Fact]
    public async Task Limit_shows_the_newest_containers_whatever_their_state()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        await h.CreateAsync("first");
        await Task.Delay(2);
        var b = await h.CreateAsync("second");

        Assert.Equal([b], h.Service.List(new ContainerListOptions(Limit: 1)).Select(c => c.Id));
    }

    [Fact]
    public async Task Counts_and_sizes_for_info_and_df()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var a = await h.CreateAsync();
        var b = await h.CreateAsync();
        await h.Service.StartAsync(a, None);
        await h.Service.StartAsync(b, None);
        await h.Service.PauseAsync(b, None);
        await h.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(h.ContainersRoot, a, "layer", "diff", "f"), "12345");

        Assert.Equal(new ContainerCounts(3, 1, 1, 1), h.Service.Counts());
        var sized = h.Service.ListWithSizes().Single(c => c.Id == a);
        Assert.Equal(5, sized.SizeRw);
        Assert.Equal(5, h.Service.Inspect(a, size: true).SizeRw);
        Assert.Equal(0, h.Service.Inspect(b, size: true).SizeRw);
        Assert.Null(h.Service.Inspect(b, size: false).SizeRw);
    }

    [Fact]
    public async Task Prune_removes_stopped_containers_matching_the_filters()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var running = await h.CreateAsync();
        await h.Service.StartAsync(running, None);
        var keep = (await h.Service.CreateAsync(null, null, new ContainerCreateRequest { Image = "busybox", Labels = new() { ["keep"] = "1" } }, None)).Id;
        var gone = await h.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(h.ContainersRoot, gone, "layer", "diff", "f"), "123");

        var report = await h.Service.PruneAsync("{\"label!\":{\"keep\":true}}", None);

        Assert.Equal([gone], report.ContainersDeleted);
        Assert.Equal(3, report.SpaceReclaimed);
        Assert.Equal(2, h.Service.List(new ContainerListOptions(All: true)).Count);
        Assert.Contains(h.Events.Events, e => e.Action == "prune" && e.Attributes["reclaimed"] == "3");
        Assert.Equal([keep], (await h.Service.PruneAsync(null, None)).ContainersDeleted);
    }

    [Fact]
    public async Task Changes_report_added_modified_and_parent_directories()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        var upper = Path.Combine(h.ContainersRoot, id, "layer", "diff");
        Directory.CreateDirectory(Path.Combine(upper, "tmp", "new"));
        await File.WriteAllTextAsync(Path.Combine(upper, "tmp", "new", "file"), "x");

        var changes = h.Service.Changes(id);

        Assert.Equal([("/tmp", 1), ("/tmp/new", 1), ("/tmp/new/file", 1)], changes.Select(c => (c.Path, c.Kind)));
    }

    private static List<string> Ids(ContainerServiceHarness h, string filters, bool all = true) =>
        [.. h.Service.List(new ContainerListOptions(All: all, FiltersJson: filters)).Select(c => c.Id)];
}
