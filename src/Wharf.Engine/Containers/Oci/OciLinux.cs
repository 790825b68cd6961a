namespace Wharf.Engine.Containers.Oci;

/// <summary>The <c>linux</c> object of the spec.</summary>
public sealed record OciLinux
{
    public Dictionary<string, string>? Sysctl { get; init; }

    public OciResources? Resources { get; init; }

    public string? CgroupsPath { get; init; }

    public IReadOnlyList<OciNamespace>? Namespaces { get; init; }

    public IReadOnlyList<OciDevice>? Devices { get; init; }

    public OciSeccomp? Seccomp { get; init; }

    public IReadOnlyList<string>? MaskedPaths { get; init; }

    public IReadOnlyList<string>? ReadonlyPaths { get; init; }
}
