namespace Wharf.Api;

/// <summary>A per-device blkio weight.</summary>
public sealed record WeightDevice
{
    public string Path { get; init; } = "";

    public int Weight { get; init; }
}
