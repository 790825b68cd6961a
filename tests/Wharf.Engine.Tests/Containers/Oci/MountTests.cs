using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class MountTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Read_only_root_makes_the_root_and_network_files_read_only_but_not_kernel_mounts()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { ReadonlyRootfs = true }));

        Assert.True(spec["root"]!["readonly"]!.GetValue<bool>());
        Assert.Equal("""["rbind","ro","rprivate"]""", SpecJson.Compact(SpecJson.Mount(spec, "/etc/hosts")["options"]));
        Assert.Equal("""["rbind","ro","rprivate"]""", SpecJson.Compact(SpecJson.Mount(spec, "/etc/resolv.conf")["options"]));
        Assert.Equal("""["nosuid","noexec","nodev","mode=1777","size=67108864"]""", SpecJson.Compact(SpecJson.Mount(spec, "/dev/shm")["options"]));
        Assert.Equal("""["nosuid","noexec","nodev"]""", SpecJson.Compact(SpecJson.Mount(spec, "/proc")["options"]));
    }

    [Fact]
    public void Tmpfs_options_are_merged_over_dockers_defaults()
    {
        var hostConfig = new HostConfig
        {
            Tmpfs = new Dictionary<string, string> { ["/run"] = "rw,noexec,nosuid,size=65536k", ["/tmp"] = "", ["/x"] = "exec,mode=1777,size=1m,size=2m" },
        };
        var spec = SpecJson.Build(_bundle.Context(hostConfig: hostConfig));

        Assert.Equal(
            """{"destination":"/run","type":"tmpfs","source":"tmpfs","options":["nodev","rprivate","rw","noexec","nosuid","size=65536k"]}""",
            SpecJson.Compact(SpecJson.Mount(spec, "/run")));
        Assert.Equal("""["noexec","nosuid","nodev","rprivate"]""", SpecJson.Compact(SpecJson.Mount(spec, "/tmp")["options"]));
        Assert.Equal("""["nosuid","nodev","rprivate","exec","mode=1777","size=2m"]""", SpecJson.Compact(SpecJson.Mount(spec, "/x")["options"]));
    }

    [Fact]
    public void Bad_tmpfs_option_is_refused()
    {
        var error = Assert.Throws<EngineException>(() => TmpfsMounts.Build("/run", "rw,foo=bar"));

        Assert.Equal("invalid tmpfs option [\"foo\" \"bar\"]", error.Message);
    }

    [Fact]
    public void Init_runs_docker_init_first_and_mounts_it_read_only_after_the_defaults()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { Init = true }, initPath: "/usr/bin/tini"));

        Assert.Equal(["/sbin/docker-init", "--", "sh"], SpecJson.Strings(spec["process"]!["args"]));
        Assert.Equal(
            """{"destination":"/sbin/docker-init","type":"bind","source":"/usr/bin/tini","options":["bind","ro"]}""",
            SpecJson.Compact(SpecJson.Mount(spec, "/sbin/docker-init")));
        Assert.Equal("/dev/shm", SpecJson.MountDestinations(spec)[SpecJson.MountDestinations(spec).IndexOf("/sbin/docker-init") - 1]);
    }

    [Fact]
    public void Init_is_left_out_in_the_hosts_pid_namespace()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { Init = true, PidMode = "host" }, initPath: "/usr/bin/tini"));

        Assert.Equal(["sh"], SpecJson.Strings(spec["process"]!["args"]));
        Assert.DoesNotContain("/sbin/docker-init", SpecJson.MountDestinations(spec));
    }

    [Fact]
    public void Init_without_an_init_binary_fails_like_dockerd()
    {
        var builder = new ContainerSpecBuilder(TestHosts.V1);

        var error = Assert.Throws<EngineException>(() => builder.BuildSpec(_bundle.Context(hostConfig: new HostConfig { Init = true })));

        Assert.Equal("exec: \"docker-init\": executable file not found in $PATH", error.Message);
    }

    [Fact]
    public void User_mounts_follow_the_defaults_parents_first_and_replace_defaults_at_the_same_place()
    {
        OciMount[] extra =
        [
            new("/data/deep/er", "bind", "/srv/c", ["rbind", "rprivate"]),
            new("/data", "bind", "/srv/a", ["rbind", "ro", "rprivate"]),
            new("/dev/mqueue", "bind", "/srv/mq", ["rbind"]),
        ];
        var spec = SpecJson.Build(_bundle.Context(extraMounts: extra, hostConfig: new HostConfig { ShmSize = 1024 }));

        Assert.Equal(
            ["/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/shm", "/data", "/dev/mqueue", "/etc/resolv.conf", "/etc/hostname", "/etc/hosts", "/data/deep/er"],
            SpecJson.MountDestinations(spec));
        Assert.Equal("/srv/mq", SpecJson.Mount(spec, "/dev/mqueue")["source"]!.GetValue<string>());
        Assert.Equal("""["nosuid","noexec","nodev","mode=1777","size=1024"]""", SpecJson.Compact(SpecJson.Mount(spec, "/dev/shm")["options"]));
    }

    [Fact]
    public void A_user_dev_mount_replaces_everything_under_dev()
    {
        var spec = SpecJson.Build(_bundle.Context(extraMounts: [new OciMount("/dev", "bind", "/dev", ["rbind"])]));

        Assert.Equal(["/proc", "/sys", "/sys/fs/cgroup", "/dev", "/etc/resolv.conf", "/etc/hostname", "/etc/hosts"], SpecJson.MountDestinations(spec));
    }

    [Fact]
    public void A_user_mount_of_a_network_file_replaces_the_engines()
    {
        var spec = SpecJson.Build(_bundle.Context(extraMounts: [new OciMount("/etc/hosts", "bind", "/srv/hosts", ["rbind", "ro"])]));

        Assert.Equal("/srv/hosts", SpecJson.Mount(spec, "/etc/hosts")["source"]!.GetValue<string>());
        Assert.Single(SpecJson.MountDestinations(spec), destination => destination == "/etc/hosts");
    }

    [Fact]
    public void Shared_ipc_binds_the_shm_dir_and_ipc_none_has_no_shm()
    {
        var shared = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { IpcMode = "shareable" }, shmPath: "/run/wharf/shm/x"));
        var none = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { IpcMode = "none" }));

        Assert.Equal("""{"destination":"/dev/shm","type":"bind","source":"/run/wharf/shm/x","options":["rbind","rprivate"]}""", SpecJson.Compact(SpecJson.Mount(shared, "/dev/shm")));
        Assert.DoesNotContain("/dev/shm", SpecJson.MountDestinations(none));
    }
}
