using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>A pipe(2) pair, both ends close-on-exec (posix_spawn's dup2 clears that flag on the child's copy).</summary>
public readonly partial record struct UnixPipe(int ReadFd, int WriteFd)
{
    private const int CloseOnExec = 0x80000;

    public static unsafe UnixPipe Create()
    {
        var fds = stackalloc int[2];
        if (Pipe2(fds, CloseOnExec) != 0)
        {
            throw UnixError.ToException(Marshal.GetLastPInvokeError(), "pipe2");
        }

        return new UnixPipe(fds[0], fds[1]);
    }

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static unsafe partial int Pipe2(int* fds, int flags);
}
