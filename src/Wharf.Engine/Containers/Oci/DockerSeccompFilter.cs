namespace Wharf.Engine.Containers.Oci;

/// <summary>When a Docker seccomp rule applies: any of these capabilities or architectures, or a kernel at least this new.</summary>
public sealed record DockerSeccompFilter
{
    public IReadOnlyList<string>? Caps { get; init; }

    public IReadOnlyList<string>? Arches { get; init; }

    public string? MinKernel { get; init; }
}
