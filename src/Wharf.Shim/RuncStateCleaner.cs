using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>
/// Removes a stopped container's runc state in-process (rmdir of its cgroups, delete of the state dir), which is
/// what <c>runc delete</c> does for a stopped container without poststop hooks, minus a process spawn on the
/// <c>docker run --rm</c> hot path. Anything it cannot do is left for <c>runc delete --force</c>.
/// </summary>
internal static class RuncStateCleaner
{
    private const int BusyRetries = 100;

    /// <summary>True when nothing of the container is left in runc's root or in the cgroup tree.</summary>
    public static bool TryRemove(string runtimeRoot, string containerId, RuncStateFile? state)
    {
        state ??= RuncStateFile.TryRead(runtimeRoot, containerId);
        var stateDirectory = RuncStateFile.DirectoryOf(runtimeRoot, containerId);
        if (state is null)
        {
            return !Directory.Exists(stateDirectory);
        }

        if (state.HasPoststopHooks)
        {
            return false;
        }

        foreach (var path in state.CgroupPaths.Values.Distinct(StringComparer.Ordinal))
        {
            if (!RemoveCgroup(path))
            {
                return false;
            }
        }

        try
        {
            Directory.Delete(stateDirectory, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (IOException exception)
        {
            ShimLog.Write($"removing {stateDirectory}: {exception.Message}");
            return false;
        }
    }

    private static bool RemoveCgroup(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var errno = DirectoryRemoval.TryRemove(path);
            if (errno is 0 or DirectoryRemoval.ErrorNotFound)
            {
                return true;
            }

            // EBUSY: the last tasks are still on their way out of the cgroup.
            if (errno != DirectoryRemoval.ErrorBusy || attempt >= BusyRetries)
            {
                ShimLog.Write($"rmdir {path}: errno {errno}");
                return false;
            }

            Thread.Sleep(2);
        }
    }
}
