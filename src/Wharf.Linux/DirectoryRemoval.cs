using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>rmdir(2) with its errno, for callers that retry on EBUSY (a cgroup whose last task is still exiting).</summary>
public static partial class DirectoryRemoval
{
    public const int ErrorNotFound = 2;
    public const int ErrorBusy = 16;

    /// <summary>Removes an empty directory; returns 0 or the errno.</summary>
    public static int TryRemove(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return RemoveDirectory(path) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    [LibraryImport("libc", EntryPoint = "rmdir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RemoveDirectory(string path);
}
