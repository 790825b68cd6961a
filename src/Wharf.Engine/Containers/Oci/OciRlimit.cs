namespace Wharf.Engine.Containers.Oci;

/// <summary>One entry of <c>process.rlimits</c>; <paramref name="Type"/> is e.g. <c>RLIMIT_NOFILE</c>.</summary>
public sealed record OciRlimit(string Type, ulong Hard, ulong Soft);
