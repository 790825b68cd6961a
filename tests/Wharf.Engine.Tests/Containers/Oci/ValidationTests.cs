using Wharf.Api;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class ValidationTests
{
    private const long MiB = 1024 * 1024;

    private static readonly ContainerSpecBuilder Builder = new(TestHosts.V1);

    public static TheoryData<HostConfig, string> InvalidHostConfigs => new()
    {
        { new HostConfig { Memory = 4 * MiB }, "Minimum memory limit allowed is 6MB" },
        { new HostConfig { MemoryReservation = 4 * MiB }, "Minimum memory reservation allowed is 6MB" },
        { new HostConfig { Memory = 64 * MiB, MemorySwap = 32 * MiB }, "Minimum memoryswap limit should be larger than memory limit, see usage" },
        { new HostConfig { MemorySwap = 32 * MiB }, "You should always set the Memory limit when using Memoryswap limit, see usage" },
        { new HostConfig { Memory = 64 * MiB, MemoryReservation = 128 * MiB }, "Minimum memory limit can not be less than memory reservation limit, see usage" },
        { new HostConfig { MemorySwappiness = 101 }, "Invalid value: 101, valid memory swappiness range is 0-100" },
        { new HostConfig { NanoCpus = 1_000_000_000, CpuPeriod = 100000 }, "Conflicting options: Nano CPUs and CPU Period cannot both be set" },
        { new HostConfig { NanoCpus = 1_000_000_000, CpuQuota = 100000 }, "Conflicting options: Nano CPUs and CPU Quota cannot both be set" },
        { new HostConfig { NanoCpus = 3_000_000_000 }, "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available" },
        { new HostConfig { NanoCpus = -1 }, "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available" },
        { new HostConfig { CpuPeriod = 100 }, "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)" },
        { new HostConfig { CpuQuota = 100 }, "CPU cfs quota can not be less than 1ms (i.e. 1000)" },
        { new HostConfig { CpusetCpus = "9" }, "Requested CPUs are not available - requested 9, available: 0-1" },
        { new HostConfig { CpusetCpus = "a-b" }, "Invalid value a-b for cpuset cpus: invalid format: a-b" },
        { new HostConfig { CpusetMems = "1" }, "Requested memory nodes are not available - requested 1, available: 0" },
        { new HostConfig { BlkioWeight = 5 }, "Range of blkio weight is from 10 to 1000" },
        { new HostConfig { IOMaximumIOps = 5 }, "Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps" },
        { new HostConfig { RestartPolicy = new RestartPolicy { Name = "sometimes" } }, "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'" },
        { new HostConfig { RestartPolicy = new RestartPolicy { Name = "on-failure", MaximumRetryCount = -1 } }, "invalid restart policy: maximum retry count cannot be negative" },
        { new HostConfig { RestartPolicy = new RestartPolicy { Name = "always", MaximumRetryCount = 3 } }, "invalid restart policy: maximum retry count can only be used with 'on-failure'" },
        { new HostConfig { RestartPolicy = new RestartPolicy { Name = "no", MaximumRetryCount = -3 } }, "invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative" },
        { new HostConfig { AutoRemove = true, RestartPolicy = new RestartPolicy { Name = "always" } }, "can't create 'AutoRemove' container with restart policy" },
        { new HostConfig { CapAdd = ["CAP_FOO"] }, "invalid CapAdd: unknown capability: \"CAP_FOO\"" },
        { new HostConfig { CapDrop = ["bar"] }, "invalid CapDrop: unknown capability: \"CAP_BAR\"" },
        { new HostConfig { OomScoreAdj = -1001 }, "Invalid value -1001, range for oom score adj is [-1000, 1000]" },
        { new HostConfig { OomScoreAdj = 1001 }, "Invalid value 1001, range for oom score adj is [-1000, 1000]" },
        { new HostConfig { ShmSize = -1 }, "SHM size can not be less than 0" },
        { new HostConfig { IpcMode = "weird" }, "invalid IPC mode: weird" },
        { new HostConfig { PidMode = "container:" }, "invalid PID mode: container:" },
        { new HostConfig { UTSMode = "private" }, "invalid UTS mode: private" },
        { new HostConfig { CgroupnsMode = "shared" }, "invalid cgroup namespace mode: shared" },
        { new HostConfig { Tmpfs = new Dictionary<string, string> { ["run"] = "" } }, "invalid mount path: 'run' mount path must be absolute" },
        { new HostConfig { Tmpfs = new Dictionary<string, string> { ["/"] = "" } }, "invalid specification: destination can't be '/'" },
        { new HostConfig { Tmpfs = new Dictionary<string, string> { ["/run"] = "bogus" } }, "invalid tmpfs option [\"bogus\"]" },
        { new HostConfig { SecurityOpt = ["seccomp"] }, "invalid --security-opt 1: \"seccomp\"" },
        { new HostConfig { SecurityOpt = ["seccomp={not json"] }, "Decoding seccomp profile failed: " },
        { new HostConfig { Ulimits = [new Ulimit { Name = "bogus", Soft = 1, Hard = 1 }] }, "invalid ulimit type: bogus" },
        { new HostConfig { Ulimits = [new Ulimit { Name = "nofile", Soft = 10, Hard = 5 }] }, "ulimit soft limit must be less than or equal to hard limit: 10 > 5" },
        { new HostConfig { Sysctls = new Dictionary<string, string> { ["kernel.foo"] = "1" } }, "sysctl \"kernel.foo\" is not whitelisted" },
        { new HostConfig { NetworkMode = "host", Sysctls = new Dictionary<string, string> { ["net.ipv4.ip_forward"] = "1" } }, "sysctl \"net.ipv4.ip_forward\" is not allowed in host network namespace" },
        { new HostConfig { IpcMode = "host", Sysctls = new Dictionary<string, string> { ["kernel.shmmax"] = "1" } }, "sysctl \"kernel.shmmax\" is not allowed in the hosts ipc namespace" },
        { new HostConfig { Devices = [new DeviceMapping { PathOnHost = "/dev/null", PathInContainer = "/dev/null", CgroupPermissions = "rwx" }] }, "invalid device mode: rwx" },
        { new HostConfig { DeviceCgroupRules = ["c 1:3"] }, "invalid device cgroup rule format: 'c 1:3'" },
    };

    [Theory]
    [MemberData(nameof(InvalidHostConfigs))]
    public void Invalid_host_config_is_refused_with_dockerds_message(HostConfig hostConfig, string message)
    {
        var error = Assert.Throws<EngineException>(() => Builder.Validate(SpecBundle.Config(), hostConfig));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Theory]
    [InlineData("relative/dir", null, "the working directory 'relative/dir' is invalid, it needs to be an absolute path")]
    [InlineData("", "=x", "invalid environment variable: =x")]
    public void Invalid_config_is_refused(string workingDir, string? env, string message)
    {
        var config = SpecBundle.Config() with { WorkingDir = workingDir, Env = env is null ? null : [env] };

        var error = Assert.Throws<EngineException>(() => Builder.Validate(config, new HostConfig()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Unavailable_capability_is_named_as_such()
    {
        var host = TestHosts.V1 with { AvailableCapabilities = CapabilityNames.Known.Where(name => name != "CAP_SYS_RESOURCE").ToList() };

        var error = Assert.Throws<EngineException>(() => new ContainerSpecBuilder(host).Validate(SpecBundle.Config(), new HostConfig { CapAdd = ["sys_resource"] }));

        Assert.Equal("invalid CapAdd: capability not supported by your kernel or not available in the current environment: \"CAP_SYS_RESOURCE\"", error.Message);
    }

    [Fact]
    public void Valid_settings_give_no_warnings()
    {
        var hostConfig = new HostConfig
        {
            Memory = 64 * MiB,
            MemorySwap = -1,
            NanoCpus = 1_500_000_000,
            CpusetCpus = "0-1",
            RestartPolicy = new RestartPolicy { Name = "on-failure", MaximumRetryCount = 3 },
            CapAdd = ["ALL"],
            CapDrop = ["net_raw"],
            SecurityOpt = ["no-new-privileges", "seccomp=unconfined", "label=disable", "apparmor=docker-default"],
            Sysctls = new Dictionary<string, string> { ["net.ipv4.ip_forward"] = "1", ["kernel.shmmax"] = "1", ["fs.mqueue.msg_max"] = "10" },
            Ulimits = [new Ulimit { Name = "nofile", Soft = 1024, Hard = 2048 }],
            Tmpfs = new Dictionary<string, string> { ["/run"] = "rw,size=1m" },
            DeviceCgroupRules = ["c *:* rwm"],
        };

        Assert.Empty(Builder.Validate(SpecBundle.Config(), hostConfig));
    }

    [Fact]
    public void Swap_without_swap_accounting_is_a_warning()
    {
        var host = TestHosts.V1 with { Cgroups = TestHosts.AllCgroupFeatures with { SwapLimit = false } };

        var warnings = new ContainerSpecBuilder(host).Validate(SpecBundle.Config(), new HostConfig { Memory = 64 * MiB });

        Assert.Equal(["Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap."], warnings);
    }

    [Fact]
    public void Other_dockerd_warnings()
    {
        var host = TestHosts.V2 with { Cgroups = TestHosts.AllCgroupFeatures with { OomKillDisable = false, PidsLimit = false } };
        var hostConfig = new HostConfig
        {
            MemorySwappiness = 50,
            OomKillDisable = true,
            PidsLimit = 10,
            CpuPercent = 50,
            NetworkMode = "host",
            PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>?> { ["80/tcp"] = null },
        };

        var warnings = new ContainerSpecBuilder(host).Validate(SpecBundle.Config(), hostConfig);

        Assert.Equal(
            [
                "Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.",
                "Your kernel does not support OomKillDisable. OomKillDisable discarded.",
                "Your kernel does not support PIDs limit capabilities or the cgroup is not mounted. PIDs limit discarded.",
                "linux does not support CPU percent. Percent discarded.",
                "Published ports are discarded when using host network mode",
            ],
            warnings);
    }

    [Fact]
    public void Oom_kill_disable_without_memory_limit_is_a_warning()
    {
        Assert.Equal(
            ["OOM killer is disabled for the container, but no memory limit is set, this can result in the system running out of resources."],
            Builder.Validate(SpecBundle.Config(), new HostConfig { OomKillDisable = true }));
    }
}
