using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>Restart policies with real exits: on-failure's count, always after a stop, and RestartCount.</summary>
public sealed class LifecycleRestartPolicyTests(ITestOutputHelper output)
{
    [RootFact]
    public async Task On_failure_2_restarts_twice_then_stays_exited()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);

        var id = await d.DockerOkAsync("run", "-d", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 4");
        var state = await d.EventuallyAsync(
            async () => (await d.InspectAsync(id)).GetProperty("RestartCount").GetInt32() + " " + (await d.InspectAsync(id)).GetProperty("State").GetProperty("Status").GetString(),
            s => s == "2 exited",
            "two restarts and a final exit");

        Assert.Equal("2 exited", state);
        Assert.Equal(4, (await d.InspectAsync(id)).GetProperty("State").GetProperty("ExitCode").GetInt32());
        Assert.Equal("on-failure", (await d.InspectAsync(id)).GetProperty("HostConfig").GetProperty("RestartPolicy").GetProperty("Name").GetString());
        await d.DockerOkAsync("rm", id);
        await d.AssertNothingLeftAsync();
    }

    [RootFact]
    public async Task Always_restarts_after_an_exit_but_not_after_docker_stop()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);

        var id = await d.DockerOkAsync("run", "-d", "--restart", "always", "busybox", "sh", "-c", "sleep 0.2");
        await d.EventuallyAsync(async () => (await d.InspectAsync(id)).GetProperty("RestartCount").GetInt32(), c => c >= 2, "two restarts");
        await d.DockerOkAsync("update", "--restart", "always", id);
        await d.DockerOkAsync("stop", "-t", "1", id);

        var after = await d.InspectAsync(id);
        Assert.Equal("exited", after.GetProperty("State").GetProperty("Status").GetString());
        await d.DockerOkAsync("rm", id);
        await d.AssertNothingLeftAsync();
    }
}
