using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary><c>--tmpfs dest[:options]</c> as dockerd mounts it: noexec,nosuid,nodev,rprivate then the user's options, duplicates merged (moby/sys/mount MergeTmpfsOptions).</summary>
public static class TmpfsMounts
{
    // Mount flags by the bit they set or clear: a later "rw" overrides an earlier "ro", and so on.
    private static readonly Dictionary<string, string> FlagKeys = new(StringComparer.Ordinal)
    {
        ["ro"] = "rdonly", ["rw"] = "rdonly",
        ["suid"] = "nosuid", ["nosuid"] = "nosuid",
        ["dev"] = "nodev", ["nodev"] = "nodev",
        ["exec"] = "noexec", ["noexec"] = "noexec",
        ["sync"] = "sync", ["async"] = "sync",
        ["dirsync"] = "dirsync",
        ["remount"] = "remount",
        ["mand"] = "mand", ["nomand"] = "mand",
        ["atime"] = "noatime", ["noatime"] = "noatime",
        ["diratime"] = "nodiratime", ["nodiratime"] = "nodiratime",
        ["relatime"] = "relatime", ["norelatime"] = "relatime",
        ["strictatime"] = "strictatime", ["nostrictatime"] = "strictatime",
        // There is only one propagation mode.
        ["bind"] = "propagation", ["rbind"] = "propagation",
        ["unbindable"] = "propagation", ["runbindable"] = "propagation",
        ["private"] = "propagation", ["rprivate"] = "propagation",
        ["shared"] = "propagation", ["rshared"] = "propagation",
        ["slave"] = "propagation", ["rslave"] = "propagation",
    };

    private static readonly HashSet<string> DataOptions = new(StringComparer.Ordinal)
    {
        "", "size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol",
    };

    public static OciMount Build(string destination, string? options) =>
        new(destination, "tmpfs", "tmpfs", Merge(["noexec", "nosuid", "nodev", "rprivate", .. Split(options)]));

    /// <summary>Keeps the last of each flag group and of each data key, in the order of those last occurrences.</summary>
    public static IReadOnlyList<string> Merge(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<string>();
        for (var i = options.Count - 1; i >= 0; i--)
        {
            var option = options[i];
            if (option == "defaults")
            {
                continue;
            }

            string key;
            if (FlagKeys.TryGetValue(option, out var flag))
            {
                key = "flag:" + flag;
            }
            else
            {
                var parts = option.Split('=', 2);
                if (parts.Length != 2 || !DataOptions.Contains(parts[0]))
                {
                    throw EngineException.InvalidParameter($"invalid tmpfs option [{string.Join(' ', parts.Select(GoQuote.Quote))}]");
                }

                key = "data:" + parts[0];
            }

            if (seen.Add(key))
            {
                merged.Insert(0, option);
            }
        }

        return merged;
    }

    /// <summary>dockerd's check of a <c>--tmpfs</c> destination (ValidateTmpfsMountDestination).</summary>
    public static void ValidateDestination(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = destination.Replace('\\', '/');
        if (path.Trim('/').Length == 0 && path.StartsWith('/'))
        {
            throw EngineException.InvalidParameter("invalid specification: destination can't be '/'");
        }

        if (!path.StartsWith('/'))
        {
            throw EngineException.InvalidParameter($"invalid mount path: '{path}' mount path must be absolute");
        }
    }

    private static string[] Split(string? options) =>
        string.IsNullOrEmpty(options) ? [] : options.Split(',');
}
