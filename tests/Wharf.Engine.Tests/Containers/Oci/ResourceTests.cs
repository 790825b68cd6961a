using System.Text.Json.Nodes;
using Wharf.Api;
using Wharf.Engine.Containers.Oci;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class ResourceTests : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Memory_limits_take_twice_the_memory_as_swap_by_default()
    {
        var hostConfig = new HostConfig { Memory = 128 * MiB, MemoryReservation = 64 * MiB, MemorySwappiness = 10, OomKillDisable = true };
        var resources = Resources(hostConfig);

        Assert.Equal(
            """{"limit":134217728,"reservation":67108864,"swap":268435456,"swappiness":10,"disableOOMKiller":true}""",
            SpecJson.Compact(resources["memory"]));
    }

    [Fact]
    public void Unlimited_swap_sets_no_swap_and_a_given_swap_is_kept()
    {
        Assert.Null(Resources(new HostConfig { Memory = 128 * MiB, MemorySwap = -1 })["memory"]!["swap"]);
        Assert.Equal(200 * MiB, Resources(new HostConfig { Memory = 128 * MiB, MemorySwap = 200 * MiB })["memory"]!["swap"]!.GetValue<long>());
    }

    [Fact]
    public void Without_swap_accounting_memory_is_limited_without_swap()
    {
        var host = TestHosts.V1 with { Cgroups = TestHosts.AllCgroupFeatures with { SwapLimit = false } };
        var resources = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { Memory = 128 * MiB }), host)["linux"]!["resources"]!;

        Assert.Equal("""{"limit":134217728,"disableOOMKiller":false}""", SpecJson.Compact(resources["memory"]));
    }

    [Fact]
    public void Swappiness_is_dropped_on_cgroup_v2()
    {
        var resources = SpecJson.Build(_bundle.Context(hostConfig: new HostConfig { Memory = 128 * MiB, MemorySwappiness = 10 }), TestHosts.V2)["linux"]!["resources"]!;

        Assert.Null(resources["memory"]!["swappiness"]);
    }

    [Fact]
    public void Nano_cpus_become_a_quota_of_a_100ms_period()
    {
        var resources = Resources(new HostConfig { NanoCpus = 1_500_000_000, CpuShares = 512, CpusetCpus = "0-1", CpusetMems = "0" });

        Assert.Equal("""{"shares":512,"quota":150000,"period":100000,"cpus":"0-1","mems":"0"}""", SpecJson.Compact(resources["cpu"]));
    }

    [Fact]
    public void Cpu_period_and_quota_are_copied()
    {
        Assert.Equal("""{"quota":50000,"period":200000}""", SpecJson.Compact(Resources(new HostConfig { CpuQuota = 50000, CpuPeriod = 200000 })["cpu"]));
    }

    [Fact]
    public void Pids_limit_is_set_only_when_positive()
    {
        Assert.Equal("""{"limit":100}""", SpecJson.Compact(Resources(new HostConfig { PidsLimit = 100 })["pids"]));
        // 0 and negative are "unlimited", which dockerd stores as no limit at all.
        Assert.Null(Resources(new HostConfig { PidsLimit = 0 })["pids"]);
        Assert.Null(Resources(new HostConfig { PidsLimit = -1 })["pids"]);
        Assert.Null(Resources(new HostConfig())["pids"]);
    }

    [Fact]
    public void Block_io_weight_and_throttles_use_the_devices_numbers()
    {
        var hostConfig = new HostConfig
        {
            BlkioWeight = 300,
            BlkioWeightDevice = [new WeightDevice { Path = "/dev/null", Weight = 200 }],
            BlkioDeviceReadBps = [new ThrottleDevice { Path = "/dev/zero", Rate = 1024 }],
            BlkioDeviceWriteIOps = [new ThrottleDevice { Path = "/dev/null", Rate = 10 }],
        };

        Assert.Equal(
            """{"weight":300,"weightDevice":[{"major":1,"minor":3,"weight":200}],"throttleReadBpsDevice":[{"major":1,"minor":5,"rate":1024}],"throttleWriteIOPSDevice":[{"major":1,"minor":3,"rate":10}]}""",
            SpecJson.Compact(Resources(hostConfig)["blockIO"]));
    }

    [Fact]
    public void Update_resources_have_period_and_quota_always_and_only_what_changed_otherwise()
    {
        var builder = new ContainerSpecBuilder(TestHosts.V1);

        Assert.Equal(
            """{"memory":{"limit":268435456,"swap":536870912},"cpu":{"shares":256,"quota":50000,"period":100000,"cpus":"","mems":""},"pids":{"limit":-1},"blockIO":{"weight":500}}""",
            builder.BuildResources(new ContainerResources { Memory = 256 * MiB, MemorySwap = 512 * MiB, CpuShares = 256, NanoCpus = 500_000_000, PidsLimit = 0, BlkioWeight = 500 }));
        Assert.Equal(
            """{"memory":{},"cpu":{"quota":0,"period":0,"cpus":"1","mems":""}}""",
            builder.BuildResources(new ContainerResources { CpusetCpus = "1" }));
    }

    private JsonNode Resources(HostConfig hostConfig) =>
        SpecJson.Build(_bundle.Context(hostConfig: hostConfig))["linux"]!["resources"]!;
}
