namespace Wharf.Engine.Containers.Oci;

/// <summary>A line of /etc/group (name:password:gid:member,member…).</summary>
public sealed record GroupEntry(string Name, int Gid, IReadOnlyList<string> Members);
