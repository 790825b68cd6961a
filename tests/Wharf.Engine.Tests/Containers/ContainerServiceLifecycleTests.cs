using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerServiceLifecycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Start_runs_the_container_and_its_exit_is_recorded()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync("web");
        var waiting = h.Service.Wait(id, WaitCondition.NextExit, None);

        await h.Service.StartAsync("web", None);

        var running = h.Service.Inspect(id, false);
        Assert.True(running.State.Running);
        Assert.Equal("running", running.State.Status);
        Assert.Equal(h.TaskOf(id).Pid, running.State.Pid);
        Assert.NotEqual("0001-01-01T00:00:00Z", running.State.StartedAt);
        Assert.EndsWith(id + "-json.log", running.LogPath, StringComparison.Ordinal);
        var spec = Assert.Single(h.Runtime.Starts).Spec;
        Assert.EndsWith("/containers/" + id, spec.BundleDirectory, StringComparison.Ordinal);
        Assert.Equal("/sys/fs/cgroup/memory/wharf/" + id, spec.MemoryCgroupPath);
        Assert.Equal("/wharf/" + id, Assert.Single(h.Specs.Contexts).CgroupsPath);
        Assert.True(File.Exists(Path.Combine(spec.BundleDirectory, "config.json")));
        Assert.False(waiting.IsCompleted);

        h.TaskOf(id).Exit(3);
        var result = await waiting;

        Assert.Equal(3, result.StatusCode);
        Assert.Null(result.Error);
        var exited = h.Service.Inspect(id, false);
        Assert.Equal("exited", exited.State.Status);
        Assert.Equal(3, exited.State.ExitCode);
        Assert.Equal(0, exited.State.Pid);
        Assert.Contains(id, h.Runtime.Cleaned);
        Assert.Equal(["create", "start", "die"], h.Events.ActionsOf(id));
        Assert.Equal("3", h.Events.Last(id, "die").Attributes["exitCode"]);
        Assert.StartsWith("Exited (3) ", h.Service.List(new ContainerListOptions(All: true))[0].Status, StringComparison.Ordinal);
        Assert.True(h.TaskOf(id).Disposed);
    }

    [Fact]
    public async Task Starting_a_running_container_is_not_modified()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        var error = await Assert.ThrowsAsync<EngineException>(() => h.Service.StartAsync(id, None));

        Assert.Equal(ErrorKind.NotModified, error.Kind);
    }

    [Fact]
    public async Task A_missing_command_fails_the_start_with_127_and_leaves_the_container_created()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(cmd: ["nosuch"]);
        h.Runtime.FailNextStart[id] = "OCI runtime create failed: runc create failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH: unknown";

        var error = await Assert.ThrowsAsync<EngineException>(() => h.Service.StartAsync(id, None));

        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
        var inspect = h.Service.Inspect(id, false);
        Assert.Equal(127, inspect.State.ExitCode);
        Assert.Equal(error.Message, inspect.State.Error);
        Assert.Equal("created", inspect.State.Status);
        Assert.Contains(id, h.Runtime.Cleaned);
        var wait = await h.Service.Wait(id, WaitCondition.NotRunning, None);
        Assert.Equal(127, wait.StatusCode);
        Assert.Equal(error.Message, wait.Error!.Message);
    }

    [Fact]
    public async Task A_permission_error_is_126()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(cmd: ["/etc"]);
        h.Runtime.FailNextStart[id] = "exec: \"/etc\": permission denied";

        await Assert.ThrowsAsync<EngineException>(() => h.Service.StartAsync(id, None));

        Assert.Equal(126, h.Service.Inspect(id, false).State.ExitCode);
    }

    [Fact]
    public async Task Stop_sends_sigterm_logs_kill_die_stop_and_is_not_modified_after()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        await h.Service.StopAsync(id, null, null, None);

        Assert.Equal([15], h.TaskOf(id).Signals);
        Assert.Equal(143, h.Service.Inspect(id, false).State.ExitCode);
        Assert.Equal(["create", "start", "kill", "die", "stop"], h.Events.ActionsOf(id));
        Assert.Equal("15", h.Events.Last(id, "kill").Attributes["signal"]);
        var again = await Assert.ThrowsAsync<EngineException>(() => h.Service.StopAsync(id, null, null, None));
        Assert.Equal(ErrorKind.NotModified, again.Kind);
    }

    [Fact]
    public async Task Stop_escalates_to_sigkill_after_the_timeout()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        h.Runtime.IgnoredSignals.Add(15);
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        await h.Service.StopAsync(id, null, 0, None);

        Assert.Equal([15, 9], h.TaskOf(id).Signals);
        Assert.Equal(137, h.Service.Inspect(id, false).State.ExitCode);
    }

    [Fact]
    public async Task Stop_uses_the_stop_signal_of_the_config_or_the_request()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync("busybox:latest", "CMD [\"sh\"]", "STOPSIGNAL SIGQUIT");
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);
        await h.Service.StopAsync(id, null, null, None);
        var first = h.TaskOf(id);
        await h.Service.StartAsync(id, None);
        await h.Service.StopAsync(id, "SIGUSR1", null, None);

        Assert.Equal([3], first.Signals);
        Assert.Equal([10], h.TaskOf(id).Signals);
        Assert.Equal(128 + 10, h.Service.Inspect(id, false).State.ExitCode);
    }

    [Fact]
    public async Task Kill_defaults_to_sigkill_and_refuses_a_stopped_container()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        await h.Service.KillAsync(id, null, None);
        var notRunning = await Assert.ThrowsAsync<EngineException>(() => h.Service.KillAsync(id, "HUP", None));
        var badSignal = await Assert.ThrowsAsync<EngineException>(() => h.Service.KillAsync(id, "FOO", None));

        Assert.Equal(137, h.Service.Inspect(id, false).State.ExitCode);
        Assert.Equal((ErrorKind.Conflict, $"Container {id} is not running"), (notRunning.Kind, notRunning.Message));
        Assert.Equal("Invalid signal: FOO", badSignal.Message);
    }

    [Fact]
    public async Task Kill_with_another_signal_does_not_wait()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        h.Runtime.IgnoredSignals.Add(1);
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        await h.Service.KillAsync(id, "SIGHUP", None);

        Assert.True(h.Service.Inspect(id, false).State.Running);
        Assert.Equal("1", h.Events.Last(id, "kill").Attributes["signal"]);
    }

    [Fact]
    public async Task Pause_and_unpause_with_dockers_conflicts()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        var notRunning = await Assert.ThrowsAsync<EngineException>(() => h.Service.PauseAsync(id, None));
        await h.Service.StartAsync(id, None);

        var notPaused = await Assert.ThrowsAsync<EngineException>(() => h.Service.UnpauseAsync(id, None));
        await h.Service.PauseAsync(id, None);
        var already = await Assert.ThrowsAsync<EngineException>(() => h.Service.PauseAsync(id, None));
        var paused = h.Service.Inspect(id, false);
        var startPaused = await Assert.ThrowsAsync<EngineException>(() => h.Service.StartAsync(id, None));
        var rmPaused = await Assert.ThrowsAsync<EngineException>(() => h.Service.RemoveAsync(id, false, false, false, None));
        await h.Service.UnpauseAsync(id, None);

        Assert.Equal($"Container {id} is not running", notRunning.Message);
        Assert.Equal($"Container {id} is not paused", notPaused.Message);
        Assert.Equal($"Container {id} is already paused", already.Message);
        Assert.Equal("cannot start a paused container, try unpause instead", startPaused.Message);
        Assert.Equal($"You cannot remove a paused container {id}. Unpause and then stop the container before attempting removal or force remove", rmPaused.Message);
        Assert.Equal(("paused", true, true), (paused.State.Status, paused.State.Paused, paused.State.Running));
        Assert.StartsWith("Up ", h.Service.List(new ContainerListOptions())[0].Status, StringComparison.Ordinal);
        Assert.Equal(["pause " + id, "resume " + id], h.Runtime.Calls);
        Assert.Equal(["create", "start", "pause", "unpause"], h.Events.ActionsOf(id));
    }

    [Fact]
    public async Task Killing_a_paused_container_thaws_it_so_it_can_die()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);
        await h.Service.PauseAsync(id, None);

        await h.Service.StopAsync(id, null, null, None);

        Assert.Contains("resume " + id, h.Runtime.Calls);
        Assert.False(h.Service.Inspect(id, false).State.Paused);
    }

    [Fact]
    public async Task Remove_refuses_a_running_container_unless_forced()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync("web");
        await h.Service.StartAsync(id, None);
        var removed = h.Service.Wait(id, WaitCondition.Removed, None);

        var refused = await Assert.ThrowsAsync<EngineException>(() => h.Service.RemoveAsync("web", false, false, false, None));
        Assert.Equal((ErrorKind.Conflict, $"You cannot remove a running container {id}. Stop the container before attempting removal or force remove"), (refused.Kind, refused.Message));

        await h.Service.RemoveAsync("web", force: true, removeVolumes: false, removeLink: false, None);

        Assert.Equal(137, (await removed).StatusCode);
        Assert.Equal("No such container: web", Assert.Throws<EngineException>(() => h.Service.Inspect("web", false)).Message);
        Assert.Equal(["create", "start", "kill", "die", "destroy"], h.Events.ActionsOf(id));
        Assert.False(Directory.Exists(Path.Combine(h.ContainersRoot, id)));
        await h.CreateAsync("web");
    }

    [Fact]
    public async Task Auto_remove_removes_after_the_exit_and_wait_removed_answers_after_it()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { AutoRemove = true });
        var removed = h.Service.Wait(id, WaitCondition.Removed, None);
        await h.Service.StartAsync(id, None);

        h.TaskOf(id).Exit(3);

        Assert.Equal(3, (await removed).StatusCode);
        Assert.Empty(h.Service.List(new ContainerListOptions(All: true)));
        Assert.Equal("destroy", h.Events.ActionsOf(id)[^1]);
    }

    [Fact]
    public async Task Rename_moves_the_name_and_refuses_a_taken_one()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var a = await h.CreateAsync("alpha");
        var b = await h.CreateAsync("beta");

        var clash = await Assert.ThrowsAsync<EngineException>(() => h.Service.RenameAsync("alpha", "beta", None));
        var same = await Assert.ThrowsAsync<EngineException>(() => h.Service.RenameAsync("alpha", "alpha", None));
        var invalid = await Assert.ThrowsAsync<EngineException>(() => h.Service.RenameAsync("alpha", "x", None));
        await h.Service.RenameAsync("alpha", "gamma", None);

        Assert.Equal((ErrorKind.Conflict, $"Error when allocating new name: Conflict. The container name \"/beta\" is already in use by container \"{b}\". You have to remove (or rename) that container to be able to reuse that name."), (clash.Kind, clash.Message));
        Assert.Equal("Renaming a container with the same name as its current name", same.Message);
        Assert.Equal((ErrorKind.InvalidParameter, "Error when allocating new name: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"), (invalid.Kind, invalid.Message));
        Assert.Equal("/gamma", h.Service.Inspect(a, false).Name);
        Assert.Equal("/alpha", h.Events.Last(a, "rename").Attributes["oldName"]);
        Assert.Equal("gamma", h.Events.Last(a, "rename").Attributes["name"]);
        await h.CreateAsync("alpha");
    }

    [Fact]
    public async Task Update_applies_limits_to_the_running_container_and_checks_memory_swap()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { AutoRemove = true });
        await h.Service.StartAsync(id, None);

        var swap = await Assert.ThrowsAsync<EngineException>(() => h.Service.UpdateAsync(id, new ContainerUpdateRequest { Memory = 100_000_000 }, None));
        await h.Service.UpdateAsync(id, new ContainerUpdateRequest { Memory = 100_000_000, MemorySwap = -1, CpuShares = 512 }, None);
        var restart = await Assert.ThrowsAsync<EngineException>(() => h.Service.UpdateAsync(id, new ContainerUpdateRequest { RestartPolicy = new RestartPolicy { Name = "always" } }, None));

        Assert.Equal($"Cannot update container {id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time", swap.Message);
        Assert.Equal($"Cannot update container {id}: Restart policy cannot be updated because AutoRemove is enabled for the container", restart.Message);
        var hostConfig = h.Service.Inspect(id, false).HostConfig;
        Assert.Equal((100_000_000L, -1L, 512L), (hostConfig.Memory, hostConfig.MemorySwap, hostConfig.CpuShares));
        Assert.Contains($"update {id} {{\"memory\":{{\"limit\":100000000}}}}", h.Runtime.Calls);
        Assert.Contains("update", h.Events.ActionsOf(id));
    }

    [Fact]
    public async Task Restart_stops_and_starts_again_with_a_restart_event()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { AutoRemove = true });
        await h.Service.StartAsync(id, None);
        var first = h.TaskOf(id);

        await h.Service.RestartAsync(id, null, null, None);

        Assert.NotSame(first, h.TaskOf(id));
        Assert.True(h.Service.Inspect(id, false).State.Running);
        Assert.Equal(["create", "start", "kill", "die", "stop", "start", "restart"], h.Events.ActionsOf(id));
    }

    [Fact]
    public async Task Wait_not_running_answers_at_once_for_a_stopped_container()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();

        var result = await h.Service.Wait(id, WaitCondition.NotRunning, None);
        var next = h.Service.Wait(id, WaitCondition.NextExit, None);

        Assert.Equal(0, result.StatusCode);
        Assert.False(next.IsCompleted);
        await h.Service.StartAsync(id, None);
        h.TaskOf(id).Exit(4);
        Assert.Equal(4, (await next).StatusCode);
    }

    [Fact]
    public async Task Attach_before_start_is_connected_at_the_start_with_the_replay()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        var attach = h.Service.AttachAsync(id, false, true, true, None);

        Assert.False(attach.IsCompleted);
        await h.Service.StartAsync(id, None);

        Assert.NotNull(await attach);
        Assert.True(Assert.Single(h.Runtime.Starts).Spec.ReplayToFirstAttach);
        Assert.NotNull(h.Service.GetTask(id));
    }

    [Fact]
    public async Task An_oom_kill_is_recorded()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);
        var exit = h.Service.Wait(id, WaitCondition.NextExit, None);

        h.TaskOf(id).Exit(137, oomKilled: true);
        await exit;

        Assert.True(h.Service.Inspect(id, false).State.OOMKilled);
        Assert.Contains("oom", h.Events.ActionsOf(id));
    }
}
