namespace Wharf.Engine.Containers.Oci;

/// <summary>A syscall rule of a Docker profile, kept only when its includes hold and its excludes do not.</summary>
public sealed record DockerSeccompRule
{
    public string? Name { get; init; }

    public IReadOnlyList<string>? Names { get; init; }

    public string Action { get; init; } = "";

    public uint? ErrnoRet { get; init; }

    public IReadOnlyList<OciSyscallArg>? Args { get; init; }

    public string? Comment { get; init; }

    public DockerSeccompFilter? Includes { get; init; }

    public DockerSeccompFilter? Excludes { get; init; }
}
