using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>Memory, pids and CPU limits enforced by the kernel through the cgroups wharf sets, and pause/unpause through the freezer.</summary>
[Collection(BusyboxDaemonCollection.Name)]
public sealed class ResourceLimitsTests(BusyboxDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task A_memory_hog_over_its_limit_is_OOM_killed_and_inspect_says_so()
    {
        using var log = Daemon.CaptureLog(output);
        var name = "oom-" + Guid.NewGuid().ToString("N")[..8];

        var run = await Daemon.Docker.RunAsync("run", "--name", name, "-m", "32m", "--memory-swap", "32m", "busybox", "sh", "-c", "tail /dev/zero");

        Assert.Equal(137, run.ExitCode);
        Assert.Equal("true 137", await InspectAsync(name, "{{.State.OOMKilled}} {{.State.ExitCode}}"));
        Assert.Equal("33554432", await InspectAsync(name, "{{.HostConfig.Memory}}"));
        await Daemon.Docker.RunOkAsync("rm", name);
    }

    [RootFact]
    public async Task Pids_limit_stops_a_fork_bomb()
    {
        using var log = Daemon.CaptureLog(output);

        // 30 background sleeps against a limit of 10 tasks: the shell runs out of forks, and ash gives up the script at
        // the first failed fork, so the limit is read (with the builtin read) before; the sleeps end with the shell,
        // PID 1 of the namespace.
        var limitFile = HostFacts.CgroupVersion() == "2" ? "/sys/fs/cgroup/pids.max" : "/sys/fs/cgroup/pids/pids.max";
        var run = await Daemon.Docker.RunAsync(
            "run", "--rm", "--pids-limit", "10", "busybox", "sh", "-c",
            "read limit < " + limitFile + "; echo limit=$limit; i=0; while [ $i -lt 30 ]; do sleep 30 & i=$((i+1)); done; echo forked all");

        Assert.Contains("can't fork", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("limit=10", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("forked all", run.Stdout, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Memory_and_cpu_limits_are_in_the_containers_cgroup()
    {
        using var log = Daemon.CaptureLog(output);

        var limits = await Daemon.Docker.RunOkAsync(
            "run", "--rm", "-m", "64m", "--cpus", "0.5", "--cpu-shares", "512", "busybox", "sh", "-c",
            HostFacts.CgroupVersion() == "2"
                ? "cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max"
                : "cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.shares");

        Assert.Equal(
            HostFacts.CgroupVersion() == "2" ? ["67108864", "50000 100000"] : ["67108864", "50000", "512"],
            limits.Stdout.Trim().Split('\n'));
    }

    [RootFact]
    public async Task Pause_freezes_and_unpause_thaws_a_running_container()
    {
        using var log = Daemon.CaptureLog(output);
        var id = (await Daemon.Docker.RunOkAsync("run", "-d", "busybox", "sleep", "300")).Stdout.Trim();
        try
        {
            await Daemon.Docker.RunOkAsync("pause", id);
            Assert.Equal("paused true true", await InspectAsync(id, "{{.State.Status}} {{.State.Paused}} {{.State.Running}}"));
            Assert.Contains("(Paused)", (await Daemon.Docker.RunOkAsync("ps", "--filter", "id=" + id, "--format", "{{.Status}}")).Stdout, StringComparison.Ordinal);
            var again = await Daemon.Docker.RunAsync("pause", id);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("is already paused", again.Stderr, StringComparison.Ordinal);

            await Daemon.Docker.RunOkAsync("unpause", id);
            Assert.Equal("running false true", await InspectAsync(id, "{{.State.Status}} {{.State.Paused}} {{.State.Running}}"));
            var notPaused = await Daemon.Docker.RunAsync("unpause", id);
            Assert.Equal(1, notPaused.ExitCode);
            Assert.Contains("is not paused", notPaused.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await Daemon.Docker.RunOkAsync("rm", "-f", id);
        }
    }

    [RootFact]
    public async Task Update_changes_the_memory_limit_of_a_running_container()
    {
        using var log = Daemon.CaptureLog(output);
        var id = (await Daemon.Docker.RunOkAsync("run", "-d", "-m", "64m", "busybox", "sleep", "300")).Stdout.Trim();
        try
        {
            await Daemon.Docker.RunOkAsync("update", "-m", "96m", "--memory-swap", "96m", "--pids-limit", "20", id);

            Assert.Equal("100663296 20", await InspectAsync(id, "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}"));
            var path = HostFacts.CgroupVersion() == "2" ? "/sys/fs/cgroup/memory.max" : "/sys/fs/cgroup/memory/memory.limit_in_bytes";
            Assert.Equal("100663296", (await Daemon.Docker.RunOkAsync("exec", id, "cat", path)).Stdout.Trim());
        }
        finally
        {
            await Daemon.Docker.RunOkAsync("rm", "-f", id);
        }
    }

    private async Task<string> InspectAsync(string container, string format) =>
        (await Daemon.Docker.RunOkAsync("inspect", "--format", format, container)).Stdout.Trim();
}
