namespace Wharf.Engine.Containers.Oci;

/// <summary>A terminal size (<c>process.consoleSize</c>).</summary>
public sealed record OciBox(uint Height, uint Width);
