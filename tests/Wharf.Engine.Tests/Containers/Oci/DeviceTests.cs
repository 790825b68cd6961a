using Wharf.Api;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class DeviceTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Device_is_created_at_its_container_path_and_allowed_with_its_permissions()
    {
        var hostConfig = new HostConfig
        {
            Devices = [new DeviceMapping { PathOnHost = "/dev/null", PathInContainer = "/dev/mynull", CgroupPermissions = "rw" }],
            DeviceCgroupRules = ["c 1:3 mr", "a *:* m"],
        };
        var spec = SpecJson.Build(_bundle.Context(hostConfig: hostConfig));

        Assert.Equal(
            """[{"path":"/dev/mynull","type":"c","major":1,"minor":3,"fileMode":438,"uid":0,"gid":0}]""",
            SpecJson.Compact(spec["linux"]!["devices"]));
        var rules = spec["linux"]!["resources"]!["devices"]!.AsArray();
        Assert.Equal(11, rules.Count);
        Assert.Equal("""{"allow":true,"type":"c","major":1,"minor":3,"access":"rw"}""", SpecJson.Compact(rules[8]));
        Assert.Equal("""{"allow":true,"type":"c","major":1,"minor":3,"access":"mr"}""", SpecJson.Compact(rules[9]));
        Assert.Equal("""{"allow":true,"type":"a","major":-1,"minor":-1,"access":"m"}""", SpecJson.Compact(rules[10]));
    }

    [Fact]
    public void A_directory_of_devices_adds_each_device_under_the_container_path()
    {
        var (devices, rules) = DeviceNodes.FromPath("/dev/net", "/dev/net", "rwm");

        Assert.Contains(devices, device => device.Path == "/dev/net/tun" && device.Major == 10 && device.Minor == 200);
        Assert.Equal(devices.Count, rules.Count);
    }

    [Fact]
    public void A_missing_device_is_an_error()
    {
        var error = Assert.Throws<EngineException>(() => DeviceNodes.FromPath("/dev/does-not-exist", "/dev/x", "rwm"));

        Assert.Equal("error gathering device information while adding custom device \"/dev/does-not-exist\": no such file or directory", error.Message);
    }

    [Fact]
    public void A_regular_file_is_not_a_device()
    {
        var error = Assert.Throws<EngineException>(() => DeviceNodes.FromPath(_bundle.HostsPath, "/dev/x", "rwm"));

        Assert.EndsWith(": not a device node", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c 1:3")]
    [InlineData("x 1:3 rwm")]
    [InlineData("c 1:3 rwmx")]
    public void Bad_device_cgroup_rules_are_refused(string rule)
    {
        var error = Assert.Throws<EngineException>(() => DeviceNodes.ParseCgroupRules([rule]));

        Assert.Equal($"invalid device cgroup rule format: '{rule}'", error.Message);
    }
}
