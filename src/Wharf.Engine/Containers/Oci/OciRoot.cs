namespace Wharf.Engine.Containers.Oci;

/// <summary><c>root</c>: the container's root file system.</summary>
public sealed record OciRoot(string Path, bool Readonly);
