using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>
/// <c>posix_spawn(3)</c>: starts a program without <c>fork()</c> in managed code and without .NET's Process class,
/// whose SIGCHLD handling would reap children that a subreaper wants to reap itself.
/// </summary>
public static unsafe partial class PosixSpawn
{
    // glibc's posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336; these leave room for other libcs.
    private const int FileActionsSize = 512;
    private const int AttributesSize = 1024;
    private const int SignalSetSize = 128;
    private const short SetSignalDefaults = 0x04;
    private const short SetSignalMask = 0x08;
    private const short SetSession = 0x80;

    /// <summary>
    /// Starts <paramref name="path"/> (absolute) with <paramref name="arguments"/> (argv[0] included) and
    /// <paramref name="environment"/> ("K=V"), its fds 0, 1 and 2 taken from <paramref name="stdio"/>; every other
    /// descriptor is expected to be close-on-exec. Signal dispositions and the signal mask start from the defaults,
    /// whatever the caller ignores or blocks. Returns the child's pid.
    /// </summary>
    public static int Spawn(string path, IReadOnlyList<string> arguments, IReadOnlyList<string> environment, ReadOnlySpan<int> stdio, bool newSession = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        if (stdio.Length != 3)
        {
            throw new ArgumentException("stdio needs exactly three descriptors", nameof(stdio));
        }

        var allocations = new List<nint>();
        var fileActions = NativeMemory.AllocZeroed(FileActionsSize);
        var attributes = NativeMemory.AllocZeroed(AttributesSize);
        var signals = stackalloc byte[SignalSetSize];
        try
        {
            Check(FileActionsInit(fileActions), "posix_spawn_file_actions_init");
            Check(AttributesInit(attributes), "posix_spawnattr_init");
            try
            {
                for (var target = 0; target < 3; target++)
                {
                    Check(AddDuplicate(fileActions, stdio[target], target), "posix_spawn_file_actions_adddup2");
                }

                _ = SignalFillSet(signals);
                Check(SetDefaultSignals(attributes, signals), "posix_spawnattr_setsigdefault");
                _ = SignalEmptySet(signals);
                Check(SetMask(attributes, signals), "posix_spawnattr_setsigmask");
                Check(SetFlags(attributes, (short)(SetSignalDefaults | SetSignalMask | (newSession ? SetSession : 0))), "posix_spawnattr_setflags");

                var argv = ToNativeArray(arguments, allocations);
                var envp = ToNativeArray(environment, allocations);
                var pathBytes = ToNative(path, allocations);
                int pid;
                var rc = Spawn(&pid, (byte*)pathBytes, fileActions, attributes, (byte**)argv, (byte**)envp);
                if (rc != 0)
                {
                    throw UnixError.ToException(rc, $"fork/exec {path}");
                }

                return pid;
            }
            finally
            {
                _ = FileActionsDestroy(fileActions);
                _ = AttributesDestroy(attributes);
            }
        }
        finally
        {
            foreach (var allocation in allocations)
            {
                NativeMemory.Free((void*)allocation);
            }

            NativeMemory.Free(fileActions);
            NativeMemory.Free(attributes);
        }
    }

    private static void Check(int rc, string operation)
    {
        if (rc != 0)
        {
            throw UnixError.ToException(rc, operation);
        }
    }

    private static nint ToNativeArray(IReadOnlyList<string> values, List<nint> allocations)
    {
        var array = (nint*)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(nint));
        allocations.Add((nint)array);
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = ToNative(values[i], allocations);
        }

        return (nint)array;
    }

    private static nint ToNative(string value, List<nint> allocations)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(value);
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        allocations.Add((nint)buffer);
        System.Text.Encoding.UTF8.GetBytes(value, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return (nint)buffer;
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    private static partial int Spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(void* fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(void* fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int AddDuplicate(void* fileActions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttributesInit(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttributesDestroy(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int SetFlags(void* attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int SetDefaultSignals(void* attributes, byte* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int SetMask(void* attributes, byte* signals);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    private static partial int SignalFillSet(byte* signals);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    private static partial int SignalEmptySet(byte* signals);
}
