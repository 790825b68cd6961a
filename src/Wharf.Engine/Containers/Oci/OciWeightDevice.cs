namespace Wharf.Engine.Containers.Oci;

/// <summary>A per-device blkio weight, by device number.</summary>
public sealed record OciWeightDevice(long Major, long Minor, ushort? Weight);
