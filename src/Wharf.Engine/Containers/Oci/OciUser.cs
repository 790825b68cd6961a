namespace Wharf.Engine.Containers.Oci;

/// <summary><c>process.user</c>: numeric ids only; names are resolved from the image's /etc/passwd and /etc/group first.</summary>
public sealed record OciUser
{
    public uint Uid { get; init; }

    public uint Gid { get; init; }

    public IReadOnlyList<uint>? AdditionalGids { get; init; }
}
