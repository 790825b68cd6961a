using System.Text.Json;
using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Oci;

namespace Wharf.Engine.Tests.Containers;

public sealed class DockerCliRequestTests
{
    /// <summary>What docker 28's <c>docker run -d --name s1 busybox sleep 100</c> sends, byte for byte.</summary>
    public const string RunBody =
        """
        {"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["sleep","100"],"Image":"busybox","Volumes":{},"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{},"HostConfig":{"Binds":null,"ContainerIDFile":"","LogConfig":{"Type":"","Config":{}},"NetworkMode":"default","PortBindings":{},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"ConsoleSize":[0,0],"CapAdd":null,"CapDrop":null,"CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,"IpcMode":"","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,"PublishAllPorts":false,"ReadonlyRootfs":false,"SecurityOpt":null,"UTSMode":"","UsernsMode":"","ShmSize":0,"Isolation":"","CpuShares":0,"Memory":0,"NanoCpus":0,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":[],"BlkioDeviceReadBps":[],"BlkioDeviceWriteBps":[],"BlkioDeviceReadIOps":[],"BlkioDeviceWriteIOps":[],"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":-1,"OomKillDisable":false,"PidsLimit":0,"Ulimits":[],"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"MaskedPaths":null,"ReadonlyPaths":null},"NetworkingConfig":{"EndpointsConfig":{"default":{"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"","DriverOpts":null,"GwPriority":0,"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DNSNames":null}}}}
        """;

    [Fact]
    public async Task The_docker_clis_run_request_creates_a_container()
    {
        await using var h = new ContainerServiceHarness();
        await h.AddImageAsync();
        var request = JsonSerializer.Deserialize(RunBody, WharfJsonContext.Default.ContainerCreateRequest)!;

        var response = await h.Service.CreateAsync("s1", null, request, CancellationToken.None);

        var inspect = h.Service.Inspect(response.Id, false);
        Assert.Equal(["sleep", "100"], inspect.Config.Cmd);
        Assert.Equal("no", inspect.HostConfig.RestartPolicy.Name);
    }

    [Fact]
    public void The_real_spec_builder_accepts_it()
    {
        var request = JsonSerializer.Deserialize(RunBody, WharfJsonContext.Default.ContainerCreateRequest)!;

        new ContainerSpecBuilder().Validate(ContainerConfigMerger.CopyOf(request), request.HostConfig!);
    }
}
