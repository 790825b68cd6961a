namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// A seccomp profile in Docker's format (<c>--security-opt seccomp=profile.json</c>, and Docker's default): OCI's
/// fields plus an architecture map and rules that apply only with some capabilities, architectures or kernels.
/// </summary>
public sealed record DockerSeccompProfile
{
    public string DefaultAction { get; init; } = "";

    public uint? DefaultErrnoRet { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }

    public IReadOnlyList<DockerSeccompArchitecture>? ArchMap { get; init; }

    public IReadOnlyList<string>? Flags { get; init; }

    public IReadOnlyList<DockerSeccompRule>? Syscalls { get; init; }
}
