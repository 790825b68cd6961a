using Wharf.Api;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class SecurityTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Cap_add_and_drop_take_any_case_with_or_without_prefix()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CapAdd = ["net_admin", "CAP_SYS_TIME"], CapDrop = ["chown", "Cap_Kill"] }));

        var bounding = SpecJson.Strings(spec["process"]!["capabilities"]!["bounding"]);
        Assert.Equal(
            ["CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP",
             "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_AUDIT_WRITE", "CAP_NET_ADMIN", "CAP_SYS_TIME"],
            bounding);
        Assert.Equal(bounding, SpecJson.Strings(spec["process"]!["capabilities"]!["effective"]));
        Assert.Equal(bounding, SpecJson.Strings(spec["process"]!["capabilities"]!["permitted"]));
        Assert.Null(spec["process"]!["capabilities"]!["inheritable"]);
    }

    [Fact]
    public void Cap_drop_all_keeps_only_the_added_ones()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CapAdd = ["CHOWN"], CapDrop = ["ALL"] }));

        Assert.Equal(["CAP_CHOWN"], SpecJson.Strings(spec["process"]!["capabilities"]!["bounding"]));
    }

    [Fact]
    public void Cap_add_all_gives_every_available_capability_but_the_dropped()
    {
        var host = TestHosts.V1 with { AvailableCapabilities = CapabilityNames.Known.Where(name => name != "CAP_SYS_RESOURCE").ToList() };
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CapAdd = ["all"], CapDrop = ["NET_ADMIN"] }), host);

        var bounding = SpecJson.Strings(spec["process"]!["capabilities"]!["bounding"]);
        Assert.Equal(CapabilityNames.Known.Count - 2, bounding.Count);
        Assert.DoesNotContain("CAP_NET_ADMIN", bounding);
        Assert.DoesNotContain("CAP_SYS_RESOURCE", bounding);
        Assert.Equal("CAP_CHOWN", bounding[0]);
    }

    [Fact]
    public void Privileged_gets_every_capability_device_and_a_writable_sys_without_seccomp_or_masks()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { Privileged = true }), TestHosts.V1 with { DevicesRoot = "/dev" });

        Assert.Equal(CapabilityNames.Known, SpecJson.Strings(spec["process"]!["capabilities"]!["bounding"]));
        Assert.Null(spec["linux"]!["seccomp"]);
        Assert.Null(spec["linux"]!["maskedPaths"]);
        Assert.Null(spec["linux"]!["readonlyPaths"]);
        Assert.Equal("""["nosuid","noexec","nodev"]""", SpecJson.Compact(SpecJson.Mount(spec, "/sys")["options"]));
        Assert.Equal("""["nosuid","noexec","nodev"]""", SpecJson.Compact(SpecJson.Mount(spec, "/sys/fs/cgroup")["options"]));
        Assert.Equal("""[{"allow":true,"access":"rwm"}]""", SpecJson.Compact(spec["linux"]!["resources"]!["devices"]));
        var devices = spec["linux"]!["devices"]!.AsArray();
        var devNull = devices.Single(device => device!["path"]!.GetValue<string>() == "/dev/null")!;
        Assert.Equal("""{"path":"/dev/null","type":"c","major":1,"minor":3,"fileMode":438,"uid":0,"gid":0}""", SpecJson.Compact(devNull));
        Assert.DoesNotContain(devices, device => device!["path"]!.GetValue<string>().StartsWith("/dev/pts/", StringComparison.Ordinal));
        Assert.DoesNotContain(devices, device => device!["path"]!.GetValue<string>() == "/dev/console");
    }

    [Fact]
    public void Privileged_masks_can_still_be_set_explicitly()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { Privileged = true, MaskedPaths = ["/proc/kcore"], ReadonlyPaths = [] }));

        Assert.Equal(["/proc/kcore"], SpecJson.Strings(spec["linux"]!["maskedPaths"]));
        Assert.Empty(SpecJson.Strings(spec["linux"]!["readonlyPaths"]));
    }

    [Fact]
    public void Masked_and_readonly_paths_from_the_host_config_replace_dockers()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { MaskedPaths = ["/proc/a", "/proc/b"], ReadonlyPaths = ["/proc/c"] }));

        Assert.Equal(["/proc/a", "/proc/b"], SpecJson.Strings(spec["linux"]!["maskedPaths"]));
        Assert.Equal(["/proc/c"], SpecJson.Strings(spec["linux"]!["readonlyPaths"]));
    }

    [Fact]
    public void Default_seccomp_allows_mount_only_with_cap_sys_admin()
    {
        var plain = SpecJson.SeccompNames(SpecJson.Build(_bundle.Context()));
        var admin = SpecJson.SeccompNames(SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CapAdd = ["SYS_ADMIN"] })));

        Assert.Contains("read", plain);
        Assert.DoesNotContain("mount", plain);
        Assert.DoesNotContain("setns", plain);
        Assert.Contains("mount", admin);
        Assert.Contains("setns", admin);
        Assert.True(admin.Count > plain.Count);
    }

    [Fact]
    public void Default_seccomp_rules_follow_capabilities_arches_and_kernel()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CapAdd = ["SYS_PTRACE"] }));
        var rules = spec["linux"]!["seccomp"]!["syscalls"]!.AsArray();
        var names = SpecJson.SeccompNames(spec);

        // clone with flag checks is only for containers without CAP_SYS_ADMIN; clone3 fails with ENOSYS for them.
        Assert.Contains(rules, rule => SpecJson.Strings(rule!["names"]).SequenceEqual(["clone"]) && rule["args"] is not null);
        Assert.Contains(rules, rule => SpecJson.Strings(rule!["names"]).SequenceEqual(["clone3"]) && rule["errnoRet"]!.GetValue<int>() == 38);
        Assert.Contains("ptrace", names);
        Assert.Contains("arch_prctl", names);
        Assert.DoesNotContain("s390_pci_mmio_read", names);
        Assert.DoesNotContain("sync_file_range2", names);
        Assert.Contains("sync_file_range", names);
        // 4.8+ only rule.
        Assert.Contains("ptrace", SpecJson.SeccompNames(SpecJson.Build(_bundle.Context())));
        Assert.DoesNotContain("ptrace", SpecJson.SeccompNames(SpecJson.Build(_bundle.Context(), TestHosts.V1 with { KernelMajor = 4, KernelMinor = 4 })));
    }

    [Fact]
    public void Seccomp_unconfined_leaves_the_filter_out()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { SecurityOpt = ["seccomp=unconfined"] }));

        Assert.Null(spec["linux"]!["seccomp"]);
    }

    [Fact]
    public void Seccomp_profile_given_as_json_is_converted()
    {
        const string Profile = """
            {"defaultAction":"SCMP_ACT_ALLOW","archMap":[{"architecture":"SCMP_ARCH_X86_64","subArchitectures":["SCMP_ARCH_X86"]}],
             "syscalls":[{"name":"chmod","action":"SCMP_ACT_ERRNO","errnoRet":1},
                         {"names":["mount"],"action":"SCMP_ACT_ALLOW","includes":{"caps":["CAP_SYS_ADMIN"]}}]}
            """;
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { SecurityOpt = ["seccomp=" + Profile] }));

        Assert.Equal(
            """{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X86"],"syscalls":[{"names":["chmod"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}""",
            SpecJson.Compact(spec["linux"]!["seccomp"]));
    }

    [Fact]
    public void Seccomp_profile_given_as_a_path_is_read()
    {
        var path = Path.Combine(_bundle.Root, "profile.json");
        File.WriteAllText(path, """{"defaultAction":"SCMP_ACT_LOG","architectures":["SCMP_ARCH_X86_64"]}""");
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { SecurityOpt = ["seccomp:" + path] }));

        Assert.Equal("""{"defaultAction":"SCMP_ACT_LOG","architectures":["SCMP_ARCH_X86_64"],"syscalls":[]}""", SpecJson.Compact(spec["linux"]!["seccomp"]));
    }

    [Theory]
    [InlineData("no-new-privileges", true)]
    [InlineData("no-new-privileges=true", true)]
    [InlineData("no-new-privileges:1", true)]
    [InlineData("no-new-privileges=false", false)]
    public void No_new_privileges_is_parsed_like_dockerd(string option, bool expected)
    {
        Assert.Equal(expected, SecurityOptions.Parse(["label=disable", "apparmor=unconfined", option]).NoNewPrivileges);
    }

    [Theory]
    [InlineData("foo", "invalid --security-opt 1: \"foo\"")]
    [InlineData("foo=bar", "invalid --security-opt 2: \"foo=bar\"")]
    [InlineData("no-new-privileges=maybe", "invalid --security-opt 2: \"no-new-privileges=maybe\"")]
    public void Bad_security_options_are_refused_with_dockers_messages(string option, string message)
    {
        var error = Assert.Throws<EngineException>(() => SecurityOptions.Parse([option]));

        Assert.Equal(message, error.Message);
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Fact]
    public void Writable_cgroups_opt_makes_the_cgroup_mount_read_write()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { SecurityOpt = ["writable-cgroups=true"] }));

        Assert.Equal("""["nosuid","noexec","nodev"]""", SpecJson.Compact(SpecJson.Mount(spec, "/sys/fs/cgroup")["options"]));
        Assert.Equal("""["nosuid","noexec","nodev","ro"]""", SpecJson.Compact(SpecJson.Mount(spec, "/sys")["options"]));
    }
}
