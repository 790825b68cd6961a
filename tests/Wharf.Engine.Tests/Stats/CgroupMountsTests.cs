using Wharf.Engine.Stats;

namespace Wharf.Engine.Tests.Stats;

public sealed class CgroupMountsTests
{
    private const string HybridMountinfo = """
        30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
        34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        38 30 0:35 /nested /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;

    [Fact]
    public void A_hybrid_host_is_v1_and_each_controller_has_its_mount()
    {
        var mounts = CgroupMounts.Parse(HybridMountinfo);

        Assert.False(mounts.IsUnified);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/wharf/abc", mounts.V1Directory("cpuacct", "/wharf/abc"));
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/wharf/abc", mounts.V1Directory("cpu", "/wharf/abc"));
        Assert.Equal("/sys/fs/cgroup/memory/wharf/abc", mounts.V1Directory("memory", "/wharf/abc"));
        Assert.Equal("/sys/fs/cgroup/pids/wharf/abc", mounts.V1Directory("pids", "/nested/wharf/abc"));
        Assert.Null(mounts.V1Directory("blkio", "/wharf/abc"));
        Assert.Null(mounts.UnifiedDirectory("/wharf/abc"));
    }

    [Fact]
    public void A_cgroup2_root_is_v2()
    {
        var mounts = CgroupMounts.Parse("29 22 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");

        Assert.True(mounts.IsUnified);
        Assert.Equal("/sys/fs/cgroup/wharf/abc", mounts.UnifiedDirectory("/wharf/abc"));
    }

    [Theory]
    [InlineData("/wharf/abc", "/wharf/abc")]
    [InlineData("wharf/abc", "/wharf/abc")]
    [InlineData("system.slice:wharf:abc", "/system.slice/wharf-abc.scope")]
    [InlineData("user-1000.slice:wharf:abc", "/user.slice/user-1000.slice/wharf-abc.scope")]
    [InlineData(":wharf:abc", "/system.slice/wharf-abc.scope")]
    public void Cgroup_paths_are_read_like_runc(string cgroupsPath, string expected)
    {
        Assert.Equal(expected, CgroupPath.Normalize(cgroupsPath));
    }
}
