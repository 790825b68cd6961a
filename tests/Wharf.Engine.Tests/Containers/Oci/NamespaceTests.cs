using System.Text.Json.Nodes;
using Wharf.Api;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class NamespaceTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Host_modes_leave_their_namespaces_out()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { PidMode = "host", IpcMode = "host", NetworkMode = "host", UTSMode = "host" }));

        Assert.Equal("""[{"type":"mount"}]""", SpecJson.Compact(spec["linux"]!["namespaces"]));
        Assert.Null(spec["hostname"]);
        Assert.Equal("{}", SpecJson.Compact(spec["linux"]!["sysctl"]));
    }

    [Fact]
    public void Container_modes_join_the_given_paths()
    {
        var paths = new Dictionary<string, string> { ["network"] = "/proc/42/ns/net", ["ipc"] = "/proc/42/ns/ipc", ["pid"] = "/proc/42/ns/pid" };
        var hostConfig = new HostConfig { NetworkMode = "container:abc", IpcMode = "container:abc", PidMode = "container:abc" };
        var spec = SpecJson.Build(_bundle.Context(hostConfig: hostConfig, namespacePaths: paths));

        Assert.Equal(
            """[{"type":"mount"},{"type":"network","path":"/proc/42/ns/net"},{"type":"uts"},{"type":"pid","path":"/proc/42/ns/pid"},{"type":"ipc","path":"/proc/42/ns/ipc"}]""",
            SpecJson.Compact(spec["linux"]!["namespaces"]));
        // Network sysctls belong to the other container's namespace.
        Assert.Equal("{}", SpecJson.Compact(spec["linux"]!["sysctl"]));
    }

    [Fact]
    public void Cgroup_namespace_is_private_by_default_on_v2_only()
    {
        Assert.DoesNotContain("cgroup", Types(SpecJson.Build(_bundle.Context())));
        Assert.Contains("cgroup", Types(SpecJson.Build(_bundle.Context(), TestHosts.V2)));
        Assert.Contains("cgroup", Types(SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CgroupnsMode = "private" }))));
        Assert.DoesNotContain("cgroup", Types(SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { CgroupnsMode = "host" }), TestHosts.V2)));
    }

    [Fact]
    public void Network_none_still_gets_its_own_namespace_and_sysctls()
    {
        var spec = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { NetworkMode = "none", Sysctls = new Dictionary<string, string> { ["net.core.somaxconn"] = "1024" } }));

        Assert.Contains("network", Types(spec));
        Assert.Equal(
            """{"net.core.somaxconn":"1024","net.ipv4.ip_unprivileged_port_start":"0","net.ipv4.ping_group_range":"0 2147483647"}""",
            SpecJson.Compact(spec["linux"]!["sysctl"]));
    }

    private static List<string> Types(JsonNode spec) =>
        spec["linux"]!["namespaces"]!.AsArray().Select(ns => ns!["type"]!.GetValue<string>()).ToList();
}
