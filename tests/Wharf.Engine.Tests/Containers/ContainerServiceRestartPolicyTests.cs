using Wharf.Api;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerServiceRestartPolicyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task On_failure_2_restarts_twice_then_stays_exited()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        h.Runtime.ExitImmediatelyWith = 1;
        var id = await h.CreateAsync(hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "on-failure", MaximumRetryCount = 2 } });

        await h.Service.StartAsync(id, None);
        var inspect = await h.EventuallyAsync(() => h.Service.Inspect(id, false), i => i.State.Status == "exited", "the last exit");

        Assert.Equal(2, inspect.RestartCount);
        Assert.Equal(1, inspect.State.ExitCode);
        Assert.Equal(3, h.Runtime.Starts.Count);
        Assert.Equal(["create", "start", "die", "start", "die", "start", "die"], h.Events.ActionsOf(id));
    }

    [Fact]
    public async Task A_restarting_container_shows_restarting_and_a_stop_ends_it()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "always" } });
        await h.Service.StartAsync(id, None);
        h.Runtime.ExitImmediatelyWith = 2;
        h.TaskOf(id).Exit(2);

        await h.EventuallyAsync(() => h.Runtime.Starts.Count, c => c >= 3, "two restarts");
        await h.Service.StopAsync(id, null, null, None);

        var inspect = h.Service.Inspect(id, false);
        Assert.Equal("exited", inspect.State.Status);
        Assert.False(inspect.State.Restarting);
        var starts = h.Runtime.Starts.Count;
        await Task.Delay(500);
        Assert.Equal(starts, h.Runtime.Starts.Count);
    }

    [Fact]
    public async Task Always_is_not_restarted_after_a_user_stop_but_a_start_resets_the_count()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "always" } });
        await h.Service.StartAsync(id, None);
        h.TaskOf(id).Exit(0);
        await h.EventuallyAsync(() => h.Service.Inspect(id, false), i => i.State.Status == "running" && i.RestartCount == 1, "the restart");

        await h.Service.StopAsync(id, null, null, None);
        Assert.Equal("exited", h.Service.Inspect(id, false).State.Status);

        await h.Service.StartAsync(id, None);
        Assert.Equal(0, h.Service.Inspect(id, false).RestartCount);
    }

    [Fact]
    public async Task Wait_next_exit_answers_at_each_exit_even_across_restarts()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync(hostConfig: new HostConfig { RestartPolicy = new RestartPolicy { Name = "on-failure", MaximumRetryCount = 1 } });
        await h.Service.StartAsync(id, None);
        var first = h.Service.Wait(id, WaitCondition.NextExit, None);

        h.TaskOf(id).Exit(5);

        Assert.Equal(5, (await first).StatusCode);
    }

    [Fact]
    public async Task Update_changes_the_policy_for_the_next_exit()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var id = await h.CreateAsync();
        await h.Service.StartAsync(id, None);

        await h.Service.UpdateAsync(id, new ContainerUpdateRequest { RestartPolicy = new RestartPolicy { Name = "on-failure", MaximumRetryCount = 1 } }, None);
        h.Runtime.ExitImmediatelyWith = 9;
        h.TaskOf(id).Exit(9);

        var inspect = await h.EventuallyAsync(() => h.Service.Inspect(id, false), i => i.State.Status == "exited" && i.RestartCount == 1, "one restart");
        Assert.Equal("on-failure", inspect.HostConfig.RestartPolicy.Name);
    }
}
