using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>Containers outlive wharfd: a SIGKILLed or stopped daemon finds them again, and learns how those that ended meanwhile exited.</summary>
public sealed class LifecycleLiveRestoreTests(ITestOutputHelper output)
{
    [RootFact]
    public async Task Containers_survive_kill_9_of_wharfd_and_an_exit_during_the_outage_keeps_its_code()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);
        var keep = await d.DockerOkAsync("run", "-d", "--name", "keep", "busybox", "sleep", "300");
        var quick = await d.DockerOkAsync("run", "-d", "--name", "quick", "busybox", "sh", "-c", "sleep 2; exit 5");
        var keepPid = (await d.InspectAsync(keep)).GetProperty("State").GetProperty("Pid").GetInt32();
        var quickPid = (await d.InspectAsync(quick)).GetProperty("State").GetProperty("Pid").GetInt32();

        await d.Daemon.KillAsync();
        await d.EventuallyAsync(() => Task.FromResult(Directory.Exists($"/proc/{quickPid}")), alive => !alive, "quick to exit while wharfd is down");
        Assert.True(Directory.Exists($"/proc/{keepPid}"), "the container died with wharfd");
        await d.Daemon.StartAsync();

        var kept = await d.InspectAsync("keep");
        Assert.True(kept.GetProperty("State").GetProperty("Running").GetBoolean(), d.Daemon.Describe("keep is not running after the restart"));
        Assert.Equal(keepPid, kept.GetProperty("State").GetProperty("Pid").GetInt32());
        var ended = await d.InspectAsync("quick");
        Assert.Equal("exited", ended.GetProperty("State").GetProperty("Status").GetString());
        Assert.Equal(5, ended.GetProperty("State").GetProperty("ExitCode").GetInt32());

        await d.DockerOkAsync("stop", "-t", "1", "keep");
        Assert.Equal(137, (await d.InspectAsync("keep")).GetProperty("State").GetProperty("ExitCode").GetInt32());
        await d.DockerOkAsync("rm", "keep", "quick");
        await d.AssertNothingLeftAsync();
    }

    [RootFact]
    public async Task A_stopped_wharfd_leaves_containers_running_and_restart_policies_apply_at_its_start()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);
        var running = await d.DockerOkAsync("run", "-d", "busybox", "sleep", "300");
        var always = await d.DockerOkAsync("run", "-d", "--restart", "always", "busybox", "sleep", "300");
        var pid = (await d.InspectAsync(running)).GetProperty("State").GetProperty("Pid").GetInt32();
        var alwaysPid = (await d.InspectAsync(always)).GetProperty("State").GetProperty("Pid").GetInt32();

        await d.Daemon.StopAsync();
        Assert.True(Directory.Exists($"/proc/{pid}"));
        NativeMethods.SendSignal(alwaysPid, UnixSignal.Kill);
        await d.EventuallyAsync(() => Task.FromResult(Directory.Exists($"/proc/{alwaysPid}")), alive => !alive, "the always container to die");
        await d.Daemon.StartAsync();

        Assert.Equal(pid, (await d.InspectAsync(running)).GetProperty("State").GetProperty("Pid").GetInt32());
        var restarted = await d.EventuallyAsync(async () => await d.InspectAsync(always), i => i.GetProperty("State").GetProperty("Running").GetBoolean(), "the always container to run again");
        Assert.NotEqual(alwaysPid, restarted.GetProperty("State").GetProperty("Pid").GetInt32());
        await d.DockerOkAsync("rm", "-f", running, always);
        await d.AssertNothingLeftAsync();
    }
}
