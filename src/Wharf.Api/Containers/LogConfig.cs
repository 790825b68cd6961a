namespace Wharf.Api;

/// <summary>A container's log driver and its options.</summary>
public sealed record LogConfig
{
    public string Type { get; init; } = "";

    public Dictionary<string, string> Config { get; init; } = [];
}
