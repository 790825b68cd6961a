using System.Text.Json.Nodes;
using Wharf.Api;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class DefaultSpecTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Default_container_gets_dockers_config_json()
    {
        var spec = SpecJson.Build(_bundle.Context(SpecBundle.Config("sh", "-c", "echo hi") with { Env = ["FOO=bar"] }));
        // Seccomp is checked on its own below; the rest must read as Docker 28 writes it.
        var seccomp = spec["linux"]!.AsObject()["seccomp"];
        spec["linux"]!.AsObject().Remove("seccomp");

        var expected = $$"""
            {
              "ociVersion": "1.0.2",
              "process": {
                "terminal": false,
                "user": { "uid": 0, "gid": 0, "additionalGids": [0] },
                "args": ["sh", "-c", "echo hi"],
                "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=0123456789ab", "FOO=bar"],
                "cwd": "/",
                "capabilities": {
                  "bounding": {{Caps}},
                  "effective": {{Caps}},
                  "permitted": {{Caps}}
                },
                "rlimits": [{ "type": "RLIMIT_NOFILE", "hard": 1048576, "soft": 1048576 }],
                "noNewPrivileges": false,
                "oomScoreAdj": 0
              },
              "root": { "path": "{{_bundle.Rootfs}}", "readonly": false },
              "hostname": "0123456789ab",
              "mounts": [
                { "destination": "/proc", "type": "proc", "source": "proc", "options": ["nosuid", "noexec", "nodev"] },
                { "destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "strictatime", "mode=755", "size=65536k"] },
                { "destination": "/dev/pts", "type": "devpts", "source": "devpts", "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
                { "destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"] },
                { "destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup", "options": ["ro", "nosuid", "noexec", "nodev"] },
                { "destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"] },
                { "destination": "/dev/shm", "type": "tmpfs", "source": "shm", "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=67108864"] },
                { "destination": "/etc/resolv.conf", "type": "bind", "source": "{{_bundle.ResolvConfPath}}", "options": ["rbind", "rprivate"] },
                { "destination": "/etc/hostname", "type": "bind", "source": "{{_bundle.HostnamePath}}", "options": ["rbind", "rprivate"] },
                { "destination": "/etc/hosts", "type": "bind", "source": "{{_bundle.HostsPath}}", "options": ["rbind", "rprivate"] }
              ],
              "linux": {
                "sysctl": { "net.ipv4.ip_unprivileged_port_start": "0", "net.ipv4.ping_group_range": "0 2147483647" },
                "resources": {
                  "devices": [
                    { "allow": false, "access": "rwm" },
                    { "allow": true, "type": "c", "major": 1, "minor": 5, "access": "rwm" },
                    { "allow": true, "type": "c", "major": 1, "minor": 3, "access": "rwm" },
                    { "allow": true, "type": "c", "major": 1, "minor": 9, "access": "rwm" },
                    { "allow": true, "type": "c", "major": 1, "minor": 8, "access": "rwm" },
                    { "allow": true, "type": "c", "major": 5, "minor": 0, "access": "rwm" },
                    { "allow": true, "type": "c", "major": 5, "minor": 1, "access": "rwm" },
                    { "allow": false, "type": "c", "major": 10, "minor": 229, "access": "rwm" }
                  ],
                  "memory": { "disableOOMKiller": false },
                  "blockIO": {}
                },
                "cgroupsPath": "/wharf/{{SpecBundle.Id}}",
                "namespaces": [{ "type": "mount" }, { "type": "network" }, { "type": "uts" }, { "type": "pid" }, { "type": "ipc" }],
                "devices": [],
                "maskedPaths": [
                  "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                  "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"
                ],
                "readonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
              }
            }
            """;
        Assert.Equal(SpecJson.Normalize(expected), SpecJson.Compact(spec));

        Assert.Equal("SCMP_ACT_ERRNO", seccomp!["defaultAction"]!.GetValue<string>());
        Assert.Equal(1, seccomp["defaultErrnoRet"]!.GetValue<int>());
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"], SpecJson.Strings(seccomp["architectures"]));
    }

    [Fact]
    public void Tty_adds_term_and_console_size()
    {
        var config = SpecBundle.Config() with { Tty = true, WorkingDir = "/work", Entrypoint = ["/entry"] };
        var spec = SpecJson.Build(_bundle.Context(config, new HostConfig { ConsoleSize = [40, 120] }));

        var process = spec["process"]!;
        Assert.True(process["terminal"]!.GetValue<bool>());
        Assert.Equal("""{"height":40,"width":120}""", SpecJson.Compact(process["consoleSize"]));
        Assert.Equal(["/entry", "sh"], SpecJson.Strings(process["args"]));
        Assert.Equal("/work", process["cwd"]!.GetValue<string>());
        Assert.Equal(
            ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=0123456789ab", "TERM=xterm"],
            SpecJson.Strings(process["env"]));
    }

    [Fact]
    public void Config_env_replaces_defaults_by_key_and_a_bare_name_removes_one()
    {
        var config = SpecBundle.Config() with { Env = ["PATH=/bin", "A=1", "HOSTNAME", "A=2"] };
        var spec = SpecJson.Build(_bundle.Context(config));

        // Like Docker, overrides are only matched against the defaults, so A appears twice.
        Assert.Equal(["PATH=/bin", "A=1", "A=2"], SpecJson.Strings(spec["process"]!["env"]));
    }

    [Fact]
    public void Domainname_becomes_the_kernel_domainname_sysctl()
    {
        var spec = SpecJson.Build(_bundle.Context(SpecBundle.Config() with { Domainname = "example.org" }));

        Assert.Equal("example.org", spec["linux"]!["sysctl"]!["kernel.domainname"]!.GetValue<string>());
    }

    [Fact]
    public void Ulimits_become_rlimits_and_keep_their_own_nofile()
    {
        var hostConfig = new HostConfig { Ulimits = [new Ulimit { Name = "nproc", Soft = 100, Hard = 200 }, new Ulimit { Name = "nofile", Soft = 10, Hard = 20 }] };
        var spec = SpecJson.Build(_bundle.Context(hostConfig: hostConfig));

        Assert.Equal(
            """[{"type":"RLIMIT_NPROC","hard":200,"soft":100},{"type":"RLIMIT_NOFILE","hard":20,"soft":10}]""",
            SpecJson.Compact(spec["process"]!["rlimits"]));
    }

    [Fact]
    public void Default_open_files_limit_is_capped_at_the_daemons_own()
    {
        var spec = SpecJson.Build(_bundle.Context(), TestHosts.V1 with { OpenFilesHardLimit = 4096 });

        Assert.Equal("""[{"type":"RLIMIT_NOFILE","hard":4096,"soft":4096}]""", SpecJson.Compact(spec["process"]!["rlimits"]));
    }

    [Fact]
    public void Oom_score_adj_and_no_new_privileges_are_copied()
    {
        var hostConfig = new HostConfig { OomScoreAdj = 500, SecurityOpt = ["no-new-privileges=true"] };
        var spec = SpecJson.Build(_bundle.Context(hostConfig: hostConfig));

        Assert.Equal(500, spec["process"]!["oomScoreAdj"]!.GetValue<int>());
        Assert.True(spec["process"]!["noNewPrivileges"]!.GetValue<bool>());
    }

    [Fact]
    public void A_container_without_a_command_is_refused_as_a_system_error()
    {
        var builder = new Wharf.Engine.Containers.Oci.ContainerSpecBuilder(TestHosts.V1);

        var error = Assert.Throws<Errors.EngineException>(() => builder.BuildSpec(_bundle.Context(SpecBundle.Config() with { Cmd = [] })));

        Assert.Equal("No command specified", error.Message);
        Assert.Equal(Errors.ErrorKind.Internal, error.Kind);
    }

    private static string Caps => """
        ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
         "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"]
        """;
}
