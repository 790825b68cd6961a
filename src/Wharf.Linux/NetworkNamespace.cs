using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>
/// Network namespaces kept alive by a bind mount (as <c>ip netns</c> does), and work done inside one. setns(2) and
/// unshare(2) change only the calling thread, so each call runs on a thread of its own that ends afterwards: no pool
/// thread is ever left in another namespace. A socket keeps the namespace it was created in, so a netlink or DNS
/// socket opened inside <see cref="Run{T}"/> keeps working there from any thread.
/// </summary>
public static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;
    private const ulong BindMount = 0x1000;
    private const int OpenReadOnly = 0;
    private const int OpenCloseOnExec = 0x80000;

    /// <summary>Creates a new network namespace and bind-mounts it at <paramref name="path"/> (an empty file is created for it).</summary>
    public static void Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (File.Create(path))
        {
        }

        try
        {
            OnOwnThread(() =>
            {
                if (NativeUnshare(CloneNewNet) != 0)
                {
                    throw UnixError.ToException(Marshal.GetLastPInvokeError(), "unshare network namespace");
                }

                Mounts.Mount($"/proc/self/task/{NativeGetThreadId()}/ns/net", path, "none", BindMount, null);
                return 0;
            });
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Unmounts and deletes a namespace made by <see cref="Create"/>; a missing one is fine. The namespace dies with its last user.</summary>
    public static void Remove(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            Mounts.Unmount(path, Mounts.UnmountDetach);
        }
        catch (IOException e) when (e.HResult is 22 or 2)
        {
            // EINVAL: not mounted (a crash between create and mount); ENOENT: gone meanwhile.
        }

        File.Delete(path);
    }

    /// <summary>Runs <paramref name="action"/> on a new thread that has entered the namespace at <paramref name="path"/> (a bind mount or <c>/proc/PID/ns/net</c>).</summary>
    public static T Run<T>(string path, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(action);
        return OnOwnThread(() =>
        {
            var target = NativeOpen(path, OpenReadOnly | OpenCloseOnExec);
            if (target < 0)
            {
                throw UnixError.ToException(Marshal.GetLastPInvokeError(), $"open {path}");
            }

            try
            {
                if (NativeSetNamespace(target, CloneNewNet) != 0)
                {
                    throw UnixError.ToException(Marshal.GetLastPInvokeError(), $"setns {path}");
                }
            }
            finally
            {
                _ = NativeClose(target);
            }

            return action();
        });
    }

    private static T OnOwnThread<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 * 1024)
        {
            IsBackground = true,
            Name = "netns",
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }

    [LibraryImport("libc", EntryPoint = "unshare", SetLastError = true)]
    private static partial int NativeUnshare(int flags);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int NativeSetNamespace(int fd, int type);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int NativeGetThreadId();

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int NativeClose(int fd);
}
