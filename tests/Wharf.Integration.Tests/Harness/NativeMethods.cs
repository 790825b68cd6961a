using System.Runtime.InteropServices;

namespace Wharf.Integration.Tests.Harness;

internal static partial class NativeMethods
{
    /// <summary>umount2 flag: detach now, finish when the mount is no longer busy.</summary>
    public const int MntDetach = 2;

    private const int NoSuchProcess = 3;

    private const int CloneNewNet = 0x40000000;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Umount2(string target, int flags);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(SafeHandle namespaceFile, int namespaceType);

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool SendSignal(int pid, UnixSignal signal)
    {
        if (Kill(pid, (int)signal) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {error}");
    }

    /// <summary>Moves the calling thread (only it) into the network namespace the handle refers to.</summary>
    public static void EnterNetworkNamespace(SafeHandle namespaceFile)
    {
        if (SetNs(namespaceFile, CloneNewNet) != 0)
        {
            throw new InvalidOperationException($"setns(CLONE_NEWNET) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static bool TryUnmountDetached(string target, out int errno)
    {
        errno = Umount2(target, MntDetach) == 0 ? 0 : Marshal.GetLastPInvokeError();
        return errno == 0;
    }
}
