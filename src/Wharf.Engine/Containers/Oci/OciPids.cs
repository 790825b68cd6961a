namespace Wharf.Engine.Containers.Oci;

/// <summary><c>linux.resources.pids</c>; -1 means no limit.</summary>
public sealed record OciPids(long Limit);
