namespace Wharf.Engine.Containers;

/// <summary>A mount in OCI form, as <c>mounts[]</c> of config.json has it.</summary>
public sealed record OciMount(string Destination, string Type, string Source, IReadOnlyList<string> Options);
