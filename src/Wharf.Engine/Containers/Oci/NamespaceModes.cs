namespace Wharf.Engine.Containers.Oci;

/// <summary>Docker's namespace mode strings (<c>host</c>, <c>container:&lt;id&gt;</c>, <c>private</c>…), as api/types/container reads them.</summary>
public static class NamespaceModes
{
    public const string Host = "host";

    public static bool IsHost(string? mode) => mode == Host;

    /// <summary><c>container:&lt;name&gt;</c> with a non-empty name.</summary>
    public static bool IsContainer(string? mode) =>
        mode is not null && mode.StartsWith("container:", StringComparison.Ordinal) && mode.Length > "container:".Length;

    /// <summary>A network of its own: not the host's, not another container's (bridge, none and user networks all count).</summary>
    public static bool IsPrivateNetwork(string? mode) => !IsHost(mode) && !IsContainer(mode);

    public static bool IsValidIpc(string? mode) =>
        mode is "" or null or "none" or "private" or "shareable" or Host || IsContainer(mode);

    public static bool IsValidPid(string? mode) => mode is "" or null or Host || IsContainer(mode);

    public static bool IsValidUts(string? mode) => mode is "" or null or Host;

    public static bool IsValidCgroupns(string? mode) => mode is "" or null or "private" or Host;
}
