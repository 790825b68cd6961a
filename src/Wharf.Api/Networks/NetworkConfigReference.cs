namespace Wharf.Api;

/// <summary>The config-only network a network takes its configuration from (always empty here).</summary>
public sealed record NetworkConfigReference
{
    public string Network { get; init; } = "";
}
