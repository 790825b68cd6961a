using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerServiceCreateTests
{
    [Fact]
    public async Task Create_stores_the_merged_config_dockerds_defaults_and_the_files()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync("busybox:latest", "CMD [\"sh\"]", "ENV A=1", "WORKDIR /w");

        var id = await h.CreateAsync("web", ["echo", "hi there"]);

        Assert.Matches("^[0-9a-f]{64}$", id);
        var inspect = h.Service.Inspect("web", size: false);
        Assert.Equal("/web", inspect.Name);
        Assert.Equal("echo", inspect.Path);
        Assert.Equal(["hi there"], inspect.Args);
        Assert.Equal(id[..12], inspect.Config.Hostname);
        Assert.Equal("/w", inspect.Config.WorkingDir);
        Assert.Contains("A=1", inspect.Config.Env!);
        Assert.Equal("busybox", inspect.Config.Image);
        Assert.StartsWith("sha256:", inspect.Image, StringComparison.Ordinal);
        Assert.Equal("created", inspect.State.Status);
        Assert.Equal("0001-01-01T00:00:00Z", inspect.State.StartedAt);
        Assert.Equal("json-file", inspect.HostConfig.LogConfig.Type);
        Assert.Equal("bridge", inspect.HostConfig.NetworkMode);
        Assert.Equal(64L * 1024 * 1024, inspect.HostConfig.ShmSize);
        Assert.Equal("private", inspect.HostConfig.IpcMode);
        Assert.Equal("runc", inspect.HostConfig.Runtime);
        Assert.False(inspect.HostConfig.OomKillDisable);
        Assert.Equal("", inspect.LogPath);
        Assert.Equal(id[..12] + "\n", await File.ReadAllTextAsync(inspect.HostnamePath));
        Assert.Contains("nameserver 8.8.8.8", await File.ReadAllTextAsync(inspect.ResolvConfPath), StringComparison.Ordinal);
        Assert.Contains("search example.org", await File.ReadAllTextAsync(inspect.ResolvConfPath), StringComparison.Ordinal);
        Assert.StartsWith("127.0.0.1\tlocalhost\n", await File.ReadAllTextAsync(inspect.HostsPath), StringComparison.Ordinal);
        Assert.Equal(["create"], h.Events.ActionsOf(id));
        Assert.Equal("web", h.Events.Last(id, "create").Attributes["name"]);
        Assert.Equal("busybox", h.Events.Last(id, "create").Attributes["image"]);
    }

    [Fact]
    public async Task A_container_holds_a_reference_on_its_image_layer_until_removed()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var before = h.LayerReferences("busybox");

        var id = await h.CreateAsync();
        Assert.Equal(before + 1, h.LayerReferences("busybox"));

        await h.Service.RemoveAsync(id, force: false, removeVolumes: false, removeLink: false, CancellationToken.None);
        Assert.Equal(before, h.LayerReferences("busybox"));
        Assert.False(Directory.Exists(Path.Combine(h.ContainersRoot, id)));
    }

    [Fact]
    public async Task A_missing_image_is_dockers_404()
    {
        await using var h = new ContainerServiceHarness();

        var error = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync(image: "nothere"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("No such image: nothere:latest", error.Message);
    }

    [Fact]
    public async Task A_taken_name_is_dockers_conflict_and_a_bad_one_is_refused()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync("web");

        var conflict = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync("/web"));
        var invalid = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync("-x"));

        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        Assert.Equal($"Conflict. The container name \"/web\" is already in use by container \"{id}\". You have to remove (or rename) that container to be able to reuse that name.", conflict.Message);
        Assert.Equal("Invalid container name (-x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", invalid.Message);
    }

    [Fact]
    public async Task Without_a_name_one_is_generated()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();

        var id = await h.CreateAsync();

        Assert.Matches("^/[a-z]+_[a-z]+$", h.Service.Inspect(id, false).Name);
    }

    [Fact]
    public async Task Nothing_to_run_is_refused()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync("bare:latest", "ENV A=1");

        var error = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync(image: "bare"));

        Assert.Equal("No command specified", error.Message);
    }

    [Fact]
    public async Task Validation_warnings_come_back_and_errors_stop_the_create()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();

        var response = await h.Service.CreateAsync(null, null, new ContainerCreateRequest { Image = "busybox", HostConfig = new HostConfig { Memory = 1024 } }, CancellationToken.None);
        await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync(hostConfig: new HostConfig { CpuShares = -1 }));

        Assert.Equal(["memory is small"], response.Warnings);
        Assert.Equal(2048, h.Service.Inspect(response.Id, false).HostConfig.MemorySwap);
        Assert.Single(h.Service.List(new ContainerListOptions(All: true)));
    }

    [Fact]
    public async Task Unknown_networks_and_runtimes_are_refused()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();

        var network = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync(hostConfig: new HostConfig { NetworkMode = "mynet" }));
        var runtime = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync(hostConfig: new HostConfig { Runtime = "crun" }));
        var donor = await Assert.ThrowsAsync<EngineException>(() => h.CreateAsync(hostConfig: new HostConfig { NetworkMode = "container:ghost" }));

        Assert.Equal((ErrorKind.NotFound, "network mynet not found"), (network.Kind, network.Message));
        Assert.Equal("Unknown runtime specified crun", runtime.Message);
        Assert.Equal("No such container: ghost", donor.Message);
    }

    [Fact]
    public async Task The_host_network_uses_the_hosts_name_and_files()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();

        var id = await h.CreateAsync(hostConfig: new HostConfig { NetworkMode = "host" });

        var inspect = h.Service.Inspect(id, false);
        Assert.Equal("testhost", inspect.Config.Hostname);
        Assert.Equal("nameserver 127.0.0.53\nsearch example.org\n", await File.ReadAllTextAsync(inspect.ResolvConfPath));
        Assert.StartsWith("127.0.0.1 localhost testhost\n", await File.ReadAllTextAsync(inspect.HostsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookups_take_ids_prefixes_and_names()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync("web");

        Assert.Equal(id, h.Service.Get(id).Id);
        Assert.Equal(id, h.Service.Get(id[..5]).Id);
        Assert.Equal(id, h.Service.Get("web").Id);
        Assert.Equal(id, h.Service.Get("/web").Id);
        Assert.Equal("No such container: nope", Assert.Throws<EngineException>(() => h.Service.Get("nope")).Message);
    }
}
