namespace Wharf.Engine.Containers.Oci;

/// <summary>A device cgroup rule (<c>linux.resources.devices[]</c>); a null major/minor or type means any.</summary>
public sealed record OciDeviceRule
{
    public bool Allow { get; init; }

    public string? Type { get; init; }

    public long? Major { get; init; }

    public long? Minor { get; init; }

    public string? Access { get; init; }
}
