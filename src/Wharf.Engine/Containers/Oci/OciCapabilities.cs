namespace Wharf.Engine.Containers.Oci;

/// <summary><c>process.capabilities</c>; Docker sets bounding, effective and permitted to one list and leaves inheritable empty.</summary>
public sealed record OciCapabilities
{
    public IReadOnlyList<string>? Bounding { get; init; }

    public IReadOnlyList<string>? Effective { get; init; }

    public IReadOnlyList<string>? Inheritable { get; init; }

    public IReadOnlyList<string>? Permitted { get; init; }

    public IReadOnlyList<string>? Ambient { get; init; }
}
