namespace Wharf.Engine.Containers.Oci;

/// <summary>A namespace to create (no path) or to join (path of an <c>ns</c> file).</summary>
public sealed record OciNamespace(string Type, string? Path = null);
