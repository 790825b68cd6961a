namespace Wharf.Engine.Stats;

/// <summary>Turns an OCI cgroupsPath into a path in the hierarchy, the way runc reads it.</summary>
public static class CgroupPath
{
    /// <summary>
    /// <c>/wharf/&lt;id&gt;</c> stays as it is; the systemd driver's <c>slice:prefix:name</c> becomes
    /// <c>/parent.slice/slice/prefix-name.scope</c> (runc's ExpandSlice: <c>a-b.slice</c> lives in <c>a.slice</c>).
    /// </summary>
    public static string Normalize(string cgroupsPath)
    {
        ArgumentNullException.ThrowIfNull(cgroupsPath);
        var parts = cgroupsPath.Split(':');
        if (parts.Length != 3 || cgroupsPath.StartsWith('/'))
        {
            return cgroupsPath.StartsWith('/') ? cgroupsPath : "/" + cgroupsPath;
        }

        var slice = parts[0].Length == 0 ? "system.slice" : parts[0];
        var unit = parts[2].EndsWith(".slice", StringComparison.Ordinal) || parts[2].EndsWith(".scope", StringComparison.Ordinal)
            ? parts[2]
            : parts[1] + "-" + parts[2] + ".scope";
        return ExpandSlice(slice) + "/" + unit;
    }

    private static string ExpandSlice(string slice)
    {
        if (slice == "-.slice")
        {
            return "";
        }

        var name = slice[..^".slice".Length];
        var path = "";
        var prefix = "";
        foreach (var component in name.Split('-'))
        {
            prefix += (prefix.Length == 0 ? "" : "-") + component;
            path += "/" + prefix + ".slice";
        }

        return path;
    }
}
