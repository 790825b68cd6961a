namespace Wharf.Api;

/// <summary>An rlimit (<c>--ulimit</c>).</summary>
public sealed record Ulimit
{
    public string Name { get; init; } = "";

    public long Soft { get; init; }

    public long Hard { get; init; }
}
