using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerServiceRestoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Running_containers_are_reconnected_after_a_daemon_restart()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync("web");
        await h.Service.StartAsync(id, None);
        var task = h.TaskOf(id);

        await h.RestartDaemonAsync(runtime => runtime.Reconnectable[id] = task);

        var inspect = h.Service.Inspect("web", false);
        Assert.True(inspect.State.Running);
        Assert.Equal(task.Pid, inspect.State.Pid);
        Assert.Same(task, h.Service.GetTask(id));
        var exit = h.Service.Wait(id, WaitCondition.NextExit, None);
        task.Exit(7);
        Assert.Equal(7, (await exit).StatusCode);
        Assert.DoesNotContain(id, h.Runtime.Cleaned.Take(0));
    }

    [Fact]
    public async Task An_exit_during_the_outage_is_recorded_from_the_shims_exit_file()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);
        var finished = DateTimeOffset.UtcNow.AddSeconds(-5);

        await h.RestartDaemonAsync(runtime =>
        {
            runtime.RecordedExits[id] = new RuntimeExit(42, finished, false);
            runtime.States[id] = true;
        });

        var inspect = h.Service.Inspect(id, false);
        Assert.Equal(("exited", 42), (inspect.State.Status, inspect.State.ExitCode));
        Assert.Equal("", inspect.State.Error);
        Assert.Contains(id, h.Runtime.Cleaned);
        Assert.Equal(42, (await h.Service.Wait(id, WaitCondition.NotRunning, None)).StatusCode);
    }

    [Fact]
    public async Task Without_an_exit_file_the_exit_code_is_255()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        await h.RestartDaemonAsync();

        var inspect = h.Service.Inspect(id, false);
        Assert.Equal(255, inspect.State.ExitCode);
        Assert.NotEqual("", inspect.State.Error);
    }

    [Fact]
    public async Task Restart_policies_start_containers_again_when_the_daemon_starts()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var always = await h.CreateAsync("always", hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "always" } });
        var unlessStopped = await h.CreateAsync("unless", hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "unless-stopped" } });
        var never = await h.CreateAsync("never");
        var neverStarted = await h.CreateAsync("fresh", hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "always" } });
        foreach (var id in new[] { always, unlessStopped, never })
        {
            await h.Service.StartAsync(id, None);
            await h.Service.StopAsync(id, null, null, None);
        }

        await h.RestartDaemonAsync();

        Assert.True(h.Service.Inspect(always, false).State.Running);
        Assert.False(h.Service.Inspect(unlessStopped, false).State.Running);
        Assert.False(h.Service.Inspect(never, false).State.Running);
        Assert.False(h.Service.Inspect(neverStarted, false).State.Running);
    }

    [Fact]
    public async Task Stopped_auto_remove_containers_are_removed_at_start()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { AutoRemove = true });
        await h.Service.StartAsync(id, None);

        await h.RestartDaemonAsync(runtime => runtime.RecordedExits[id] = new RuntimeExit(0, DateTimeOffset.UtcNow, false));

        Assert.Empty(h.Service.List(new ContainerListOptions(All: true)));
        Assert.False(Directory.Exists(Path.Combine(h.ContainersRoot, id)));
    }

    [Fact]
    public async Task Leftovers_without_a_row_are_removed_and_names_survive()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync("keep");
        var orphan = Path.Combine(h.ContainersRoot, new string('a', 64));
        Directory.CreateDirectory(Path.Combine(orphan, "layer", "diff"));
        var references = h.LayerReferences("busybox");

        await h.RestartDaemonAsync(runtime => runtime.States["b" + new string('0', 63)] = true);

        Assert.False(Directory.Exists(orphan));
        Assert.Contains("b" + new string('0', 63), h.Runtime.Cleaned);
        Assert.Equal(id, h.Service.Get("keep").Id);
        Assert.Equal(references, h.LayerReferences("busybox"));
        await Assert.ThrowsAsync<Errors.EngineException>(() => h.CreateAsync("keep"));
    }

    [Fact]
    public async Task The_layer_recount_counts_containers()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var before = h.LayerReferences("busybox");
        await h.CreateAsync();

        Assert.Equal(0, h.Images.Reconcile());

        Assert.Equal(before + 1, h.LayerReferences("busybox"));
    }
}
