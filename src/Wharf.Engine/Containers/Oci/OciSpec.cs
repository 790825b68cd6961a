namespace Wharf.Engine.Containers.Oci;

/// <summary>The OCI runtime spec (<c>config.json</c> of a bundle), limited to what Docker fills in on Linux.</summary>
public sealed record OciSpec
{
    public string OciVersion { get; init; } = DockerDefaults.OciVersion;

    public OciProcess? Process { get; init; }

    public OciRoot? Root { get; init; }

    public string? Hostname { get; init; }

    public IReadOnlyList<OciMount>? Mounts { get; init; }

    public OciLinux? Linux { get; init; }
}
