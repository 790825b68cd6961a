using System.Text.Json.Serialization;

namespace Wharf.Engine.Containers.Oci;

/// <summary>An argument condition of a seccomp rule; the same shape in Docker's profiles and in OCI.</summary>
public sealed record OciSyscallArg
{
    public uint Index { get; init; }

    public ulong Value { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ValueTwo { get; init; }

    public string Op { get; init; } = "";
}
