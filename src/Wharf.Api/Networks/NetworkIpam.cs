namespace Wharf.Api;

/// <summary>A network's IPAM settings (the spec's <c>IPAM</c>).</summary>
public sealed record NetworkIpam
{
    public string Driver { get; init; } = "default";

    public IReadOnlyList<IpamPoolConfig>? Config { get; init; }

    public Dictionary<string, string>? Options { get; init; }
}
