using System.Text.Json.Serialization;

namespace Wharf.Api;

/// <summary>The resource limits of a container, shared by HostConfig and <c>POST /containers/{id}/update</c>.</summary>
public record ContainerResources
{
    public long CpuShares { get; init; }

    public long Memory { get; init; }

    public string CgroupParent { get; init; } = "";

    public int BlkioWeight { get; init; }

    public IReadOnlyList<WeightDevice>? BlkioWeightDevice { get; init; }

    public IReadOnlyList<ThrottleDevice>? BlkioDeviceReadBps { get; init; }

    public IReadOnlyList<ThrottleDevice>? BlkioDeviceWriteBps { get; init; }

    public IReadOnlyList<ThrottleDevice>? BlkioDeviceReadIOps { get; init; }

    public IReadOnlyList<ThrottleDevice>? BlkioDeviceWriteIOps { get; init; }

    public long CpuPeriod { get; init; }

    public long CpuQuota { get; init; }

    public long CpuRealtimePeriod { get; init; }

    public long CpuRealtimeRuntime { get; init; }

    public string CpusetCpus { get; init; } = "";

    public string CpusetMems { get; init; } = "";

    public IReadOnlyList<DeviceMapping>? Devices { get; init; }

    public IReadOnlyList<string>? DeviceCgroupRules { get; init; }

    public IReadOnlyList<System.Text.Json.JsonElement>? DeviceRequests { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? KernelMemoryTCP { get; init; }

    public long MemoryReservation { get; init; }

    public long MemorySwap { get; init; }

    public long? MemorySwappiness { get; init; }

    public long NanoCpus { get; init; }

    public bool? OomKillDisable { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Init { get; init; }

    public long? PidsLimit { get; init; }

    public IReadOnlyList<Ulimit>? Ulimits { get; init; }

    public long CpuCount { get; init; }

    public long CpuPercent { get; init; }

    public long IOMaximumIOps { get; init; }

    public long IOMaximumBandwidth { get; init; }
}
