using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>Docker's security defaults as a process inside a wharf container sees them, checked with the real docker CLI.</summary>
[Collection(BusyboxDaemonCollection.Name)]
public sealed class SecurityDefaultsTests(BusyboxDaemonFixture fixture, ITestOutputHelper output)
{
    // Docker's 14 default capabilities: CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP.
    private const string DockerDefaultCapabilities = "00000000a80425fb";

    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task A_container_has_dockers_default_capabilities_and_seccomp_filter()
    {
        using var log = Daemon.CaptureLog(output);

        var status = await RunAsync("busybox", "cat", "/proc/self/status");

        Assert.Contains("CapEff:\t" + DockerDefaultCapabilities, status, StringComparison.Ordinal);
        Assert.Contains("CapBnd:\t" + DockerDefaultCapabilities, status, StringComparison.Ordinal);
        Assert.Contains("Seccomp:\t2", status, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivs:\t0", status, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Seccomp_unconfined_and_no_new_privileges_security_opts_apply()
    {
        using var log = Daemon.CaptureLog(output);

        var status = await RunAsync("--security-opt", "seccomp=unconfined", "--security-opt", "no-new-privileges", "busybox", "cat", "/proc/self/status");

        Assert.Contains("Seccomp:\t0", status, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivs:\t1", status, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Without_NET_ADMIN_a_container_cannot_add_a_link_and_with_it_it_can()
    {
        using var log = Daemon.CaptureLog(output);

        var refused = await Daemon.Docker.RunAsync("run", "--rm", "--network", "none", "busybox", "ip", "link", "add", "name", "br9", "type", "bridge");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Operation not permitted", refused.Stderr + refused.Stdout, StringComparison.Ordinal);

        var links = await RunAsync("--network", "none", "--cap-add", "NET_ADMIN", "busybox", "sh", "-c", "ip link add name br9 type bridge && ip link show br9");
        Assert.Contains("br9", links, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Cap_drop_all_leaves_no_capability_and_privileged_has_them_all()
    {
        using var log = Daemon.CaptureLog(output);

        Assert.Contains("CapEff:\t0000000000000000", await RunAsync("--cap-drop", "ALL", "busybox", "cat", "/proc/self/status"), StringComparison.Ordinal);

        var privileged = await RunAsync("--privileged", "busybox", "cat", "/proc/self/status");
        Assert.DoesNotContain("CapEff:\t" + DockerDefaultCapabilities, privileged, StringComparison.Ordinal);
        Assert.Contains("Seccomp:\t0", privileged, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Proc_kcore_is_masked_and_proc_sys_is_read_only()
    {
        using var log = Daemon.CaptureLog(output);

        // Masked paths read as /dev/null; some kernels (this CI machine's) have no /proc/kcore at all, then the masking is skipped as in Docker.
        Assert.Equal("0 0", (await RunAsync("busybox", "sh", "-c", "echo $(cat /proc/kcore 2>/dev/null | wc -c) $(wc -c < /proc/timer_list)")).Trim());
        Assert.Equal("0", (await RunAsync("busybox", "sh", "-c", "ls /sys/firmware | wc -l")).Trim());
        var write = await Daemon.Docker.RunAsync("run", "--rm", "busybox", "sh", "-c", "echo 1 > /proc/sys/kernel/panic");
        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Read-only file system", write.Stderr, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Read_only_refuses_writes_to_the_rootfs_but_tmpfs_mounts_are_writable()
    {
        using var log = Daemon.CaptureLog(output);

        var write = await Daemon.Docker.RunAsync("run", "--rm", "--read-only", "busybox", "touch", "/x");
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("Read-only file system", write.Stderr, StringComparison.Ordinal);

        Assert.Equal("ok", (await RunAsync("--read-only", "--tmpfs", "/scratch", "busybox", "sh", "-c", "touch /scratch/x && echo ok")).Trim());
    }

    [RootFact]
    public async Task Default_devices_are_there_and_others_are_not()
    {
        using var log = Daemon.CaptureLog(output);

        var devices = await RunAsync("busybox", "ls", "/dev");
        foreach (var device in new[] { "null", "zero", "full", "random", "urandom", "tty", "shm", "pts", "mqueue" })
        {
            Assert.Contains(device, devices.Split('\n'));
        }

        Assert.DoesNotContain("sda", devices.Split('\n'));
        Assert.DoesNotContain("kmsg", devices.Split('\n'));
    }

    [RootFact]
    public async Task User_hostname_env_workdir_init_and_sysctl_reach_the_process()
    {
        using var log = Daemon.CaptureLog(output);

        Assert.Equal("uid=1000 gid=1000 groups=1000", (await RunAsync("-u", "1000:1000", "busybox", "id")).Trim());
        Assert.StartsWith("uid=65534(nobody) gid=65534(nogroup)", (await RunAsync("-u", "nobody", "busybox", "id")).Trim(), StringComparison.Ordinal);
        Assert.Equal("box1", (await RunAsync("-h", "box1", "busybox", "hostname")).Trim());
        Assert.Equal("bar /tmp", (await RunAsync("-e", "FOO=bar", "-w", "/tmp", "busybox", "sh", "-c", "echo $FOO $(pwd)")).Trim());
        Assert.Contains("docker-init", await RunAsync("--init", "busybox", "cat", "/proc/1/cmdline"), StringComparison.Ordinal);
        Assert.Equal("1", (await RunAsync("--sysctl", "kernel.shm_rmid_forced=1", "busybox", "cat", "/proc/sys/kernel/shm_rmid_forced")).Trim());
        Assert.Equal("100", (await RunAsync("--ulimit", "nofile=100:200", "busybox", "sh", "-c", "ulimit -n")).Trim());
    }

    private async Task<string> RunAsync(params string[] args) =>
        (await Daemon.Docker.RunOkAsync(["run", "--rm", .. args])).Stdout;
}
