namespace Wharf.Engine.Containers.Oci;

/// <summary>An <c>archMap</c> entry: a native architecture and the ones it can also run (x86-64 runs x86 and x32).</summary>
public sealed record DockerSeccompArchitecture
{
    public string Architecture { get; init; } = "";

    public IReadOnlyList<string>? SubArchitectures { get; init; }
}
