namespace Wharf.Engine.Containers.Oci;

/// <summary><c>linux.resources.blockIO</c>.</summary>
public sealed record OciBlockIo
{
    public ushort? Weight { get; init; }

    public IReadOnlyList<OciWeightDevice>? WeightDevice { get; init; }

    public IReadOnlyList<OciThrottleDevice>? ThrottleReadBpsDevice { get; init; }

    public IReadOnlyList<OciThrottleDevice>? ThrottleWriteBpsDevice { get; init; }

    public IReadOnlyList<OciThrottleDevice>? ThrottleReadIOPSDevice { get; init; }

    public IReadOnlyList<OciThrottleDevice>? ThrottleWriteIOPSDevice { get; init; }
}
