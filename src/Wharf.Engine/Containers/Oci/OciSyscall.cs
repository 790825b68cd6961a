namespace Wharf.Engine.Containers.Oci;

/// <summary>One rule of <c>linux.seccomp.syscalls</c>.</summary>
public sealed record OciSyscall
{
    public IReadOnlyList<string> Names { get; init; } = [];

    public string Action { get; init; } = "";

    public uint? ErrnoRet { get; init; }

    public IReadOnlyList<OciSyscallArg>? Args { get; init; }
}
