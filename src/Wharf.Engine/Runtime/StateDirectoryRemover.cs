namespace Wharf.Engine.Runtime;

/// <summary>
/// Removes a container's state dir recursively without descending into mount points (a rootfs or a bind mount
/// that was not unmounted must never be emptied by a cleanup), and without following symlinks.
/// </summary>
internal static class StateDirectoryRemover
{
    public static void Remove(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        var mounts = MountPointsUnder(path);
        RemoveTree(new DirectoryInfo(path), mounts);
    }

    private static void RemoveTree(DirectoryInfo directory, HashSet<string> mounts)
    {
        if (mounts.Contains(directory.FullName.TrimEnd('/')))
        {
            throw new IOException($"{directory.FullName} is a mount point; not removing it");
        }

        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo child && child.LinkTarget is null)
            {
                RemoveTree(child, mounts);
            }
            else
            {
                entry.Delete();
            }
        }

        directory.Delete();
    }

    private static HashSet<string> MountPointsUnder(string path)
    {
        var prefix = Path.GetFullPath(path).TrimEnd('/');
        var mounts = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                var fields = line.Split(' ');
                if (fields.Length > 4)
                {
                    var mountPoint = Unescape(fields[4]);
                    if (mountPoint == prefix || mountPoint.StartsWith(prefix + "/", StringComparison.Ordinal))
                    {
                        mounts.Add(mountPoint);
                    }
                }
            }
        }
        catch (IOException)
        {
            // No mountinfo (not Linux?): nothing known to protect.
        }

        return mounts;
    }

    /// <summary>mountinfo escapes space, tab, newline and backslash as octal.</summary>
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal)
            .Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal)
            .Replace("\\134", "\\", StringComparison.Ordinal);
}
