namespace Wharf.Engine.Containers.Oci;

/// <summary>A device node for runc to create in the container (<c>linux.devices</c>).</summary>
public sealed record OciDevice
{
    public string Path { get; init; } = "";

    public string Type { get; init; } = "c";

    public long Major { get; init; }

    public long Minor { get; init; }

    public uint? FileMode { get; init; }

    public uint? Uid { get; init; }

    public uint? Gid { get; init; }
}
