namespace Wharf.Shim.Tests.Harness;

/// <summary>A minimal rootfs: the static busybox and the applet links the tests use (no overlay needed).</summary>
public static class BusyboxRootfs
{
    private static readonly string[] Applets = ["sh", "echo", "cat", "sleep", "true", "false", "stty", "tail", "env", "kill", "head", "ls", "yes"];

    public static void Create(string directory)
    {
        var bin = Path.Combine(directory, "bin");
        Directory.CreateDirectory(bin);
        File.Copy("/bin/busybox", Path.Combine(bin, "busybox"));
        foreach (var applet in Applets)
        {
            File.CreateSymbolicLink(Path.Combine(bin, applet), "busybox");
        }

        foreach (var mountPoint in (string[])["proc", "dev", "sys", "tmp", "etc"])
        {
            Directory.CreateDirectory(Path.Combine(directory, mountPoint));
        }
    }
}
