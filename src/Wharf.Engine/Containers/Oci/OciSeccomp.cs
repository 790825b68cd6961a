namespace Wharf.Engine.Containers.Oci;

/// <summary><c>linux.seccomp</c>: the filter runc loads, after Docker's profile was resolved for this host and container.</summary>
public sealed record OciSeccomp
{
    public string DefaultAction { get; init; } = "";

    public uint? DefaultErrnoRet { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }

    public IReadOnlyList<string>? Flags { get; init; }

    public IReadOnlyList<OciSyscall>? Syscalls { get; init; }
}
