namespace Wharf.Engine.Stats;

/// <summary>One mounted cgroup hierarchy: where it is mounted and which cgroup it shows there (mountinfo's root; "/" unless nested).</summary>
public sealed record CgroupMount(string MountPoint, string Root)
{
    /// <summary>The directory of an absolute cgroup path in this mount.</summary>
    public string DirectoryOf(string cgroupPath)
    {
        ArgumentNullException.ThrowIfNull(cgroupPath);
        var relative = cgroupPath;
        if (Root != "/" && (relative == Root || relative.StartsWith(Root + "/", StringComparison.Ordinal)))
        {
            relative = relative[Root.Length..];
        }

        return MountPoint.TrimEnd('/') + "/" + relative.TrimStart('/');
    }
}
