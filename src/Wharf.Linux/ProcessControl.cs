using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>Session, signal and child-reaping calls for a process that supervises others (a shim).</summary>
public static unsafe partial class ProcessControl
{
    public const int SignalHangUp = 1;
    public const int SignalInterrupt = 2;
    public const int SignalKill = 9;
    public const int SignalPipe = 13;
    public const int SignalTerminate = 15;

    private const int SetChildSubreaper = 36;
    private const nint SignalIgnore = 1;
    private const int ErrorInterrupted = 4;
    private const int ErrorNoChild = 10;
    private const int ErrorNoProcess = 3;

    /// <summary>setsid(2): leaves the caller's session and process group; fails harmlessly if already a leader.</summary>
    public static bool CreateSession() => SetSid() >= 0;

    /// <summary>prctl(PR_SET_CHILD_SUBREAPER): orphaned descendants are re-parented to this process instead of init.</summary>
    public static void BecomeChildSubreaper()
    {
        if (Prctl(SetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            throw UnixError.ToException(Marshal.GetLastPInvokeError(), "prctl(PR_SET_CHILD_SUBREAPER)");
        }
    }

    /// <summary>Sets a signal's disposition to SIG_IGN.</summary>
    public static void IgnoreSignal(int signal) => _ = NativeSignal(signal, SignalIgnore);

    /// <summary>kill(2). Returns false when the process does not exist (ESRCH); other failures throw.</summary>
    public static bool SendSignal(int pid, int signal)
    {
        if (Kill(pid, signal) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == ErrorNoProcess ? false : throw UnixError.ToException(errno, $"kill {pid}");
    }

    /// <summary>
    /// Blocks in waitpid(-1) until any child ends, returning its pid and raw wait status; returns false when the
    /// process has no children at all (ECHILD).
    /// </summary>
    public static bool WaitAnyChild(out int pid, out int status)
    {
        int raw;
        while (true)
        {
            var result = WaitPid(-1, &raw, 0);
            if (result > 0)
            {
                pid = result;
                status = raw;
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == ErrorInterrupted)
            {
                continue;
            }

            pid = 0;
            status = 0;
            return errno == ErrorNoChild ? false : throw UnixError.ToException(errno, "waitpid");
        }
    }

    /// <summary>A wait status as a shell reports it: the exit code, or 128 + the signal that killed the process.</summary>
    public static int ExitCodeOf(int status)
    {
        var signal = status & 0x7F;
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal;
    }

    public static int CurrentProcessId => GetPid();

    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    private static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial nint NativeSignal(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "getpid")]
    private static partial int GetPid();
}
