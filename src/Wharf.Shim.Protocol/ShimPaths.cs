namespace Wharf.Shim.Protocol;

/// <summary>
/// Where a container's runtime files live under the exec root: the state dir <c>containers/&lt;id&gt;</c> (bundle,
/// pid files, exit file, runc log) and the shim's socket under <c>s/</c>, named by the id's first 24 characters so
/// that the path stays well inside sun_path's 107 bytes.
/// </summary>
public static class ShimPaths
{
    public const string ShimPidFile = "shim.pid";
    public const string InitPidFile = "init.pid";
    public const string ExitFile = "exit.json";
    public const string RuncLogFile = "runc.log";
    public const string ShimLogFile = "shim.log";

    private const int SocketIdLength = 24;

    public static string StateDirectory(string execRoot, string containerId) =>
        Path.Combine(execRoot, "containers", containerId);

    public static string SocketDirectory(string execRoot) => Path.Combine(execRoot, "s");

    public static string SocketPath(string execRoot, string containerId) =>
        Path.Combine(SocketDirectory(execRoot), ShortId(containerId) + ".sock");

    /// <summary>The socket runc connects to (--console-socket) to hand over a pty master; <paramref name="suffix"/> tells init ("c") from each exec.</summary>
    public static string ConsoleSocketPath(string socketPath, string suffix) =>
        socketPath[..^".sock".Length] + "-" + suffix + ".sock";

    private static string ShortId(string containerId) =>
        containerId.Length <= SocketIdLength ? containerId : containerId[..SocketIdLength];
}
