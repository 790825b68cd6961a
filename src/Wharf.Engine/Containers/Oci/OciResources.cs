namespace Wharf.Engine.Containers.Oci;

/// <summary><c>linux.resources</c>: the cgroup limits, also what <c>runc update -r</c> takes.</summary>
public sealed record OciResources
{
    public IReadOnlyList<OciDeviceRule>? Devices { get; init; }

    public OciMemory? Memory { get; init; }

    public OciCpu? Cpu { get; init; }

    public OciPids? Pids { get; init; }

    public OciBlockIo? BlockIO { get; init; }
}
