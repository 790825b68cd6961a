using Wharf.Api;
using Wharf.Engine.Layers;
using Wharf.Linux;

namespace Wharf.Engine.Containers;

/// <summary>
/// <c>GET /containers/{id}/changes</c> from the overlay upper dir, as moby's <c>overlayChanges</c>: a whiteout or an
/// opaque dir is Deleted; anything the image's layers have is Modified (a dir only when its size, mode or mtime
/// differ), the rest Added; and the parent dir of an addition or deletion counts as Modified (once), in walk order.
/// </summary>
internal static class ContainerChanges
{
    public const int Modified = 0;
    public const int Added = 1;
    public const int Deleted = 2;

    /// <param name="upperDirectory">The container's rw layer.</param>
    /// <param name="lowerDirectories">The image's layer diff dirs, top first.</param>
    public static List<FilesystemChange> Compute(string upperDirectory, IReadOnlyList<string> lowerDirectories)
    {
        ArgumentNullException.ThrowIfNull(upperDirectory);
        ArgumentNullException.ThrowIfNull(lowerDirectories);
        var changes = new List<FilesystemChange>();
        var changedDirectories = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(upperDirectory))
        {
            Walk(upperDirectory, "", lowerDirectories, changes, changedDirectories);
        }

        return changes;
    }

    private static void Walk(string root, string relativeDirectory, IReadOnlyList<string> lowers, List<FilesystemChange> changes, HashSet<string> changedDirectories)
    {
        var directory = relativeDirectory.Length == 0 ? root : root + relativeDirectory;
        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = relativeDirectory + "/" + name;
            var status = FileStatusReader.TryGet(root + path);
            if (status is null)
            {
                continue;
            }

            Visit(root, path, status, lowers, changes, changedDirectories);
            if (status.IsDirectory)
            {
                Walk(root, path, lowers, changes, changedDirectories);
            }
        }
    }

    private static void Visit(string root, string path, FileStatus status, IReadOnlyList<string> lowers, List<FilesystemChange> changes, HashSet<string> changedDirectories)
    {
        int kind;
        if (IsDeletion(root + path, status))
        {
            kind = Deleted;
        }
        else
        {
            kind = Added;
            foreach (var lower in lowers)
            {
                var below = FileStatusReader.TryGet(lower + path);
                if (below is null)
                {
                    continue;
                }

                if (below.IsDirectory && status.IsDirectory && below.Size == status.Size && below.Mode == status.Mode
                    && below.ModificationTimeNanoseconds == status.ModificationTimeNanoseconds)
                {
                    // Only there as the parent of something that changed: the parent rule below records it if needed.
                    return;
                }

                kind = Modified;
                break;
            }
        }

        if (status.IsDirectory)
        {
            changedDirectories.Add(path);
        }

        if (kind is Added or Deleted)
        {
            var parent = path[..path.LastIndexOf('/')];
            if (parent.Length > 0 && changedDirectories.Add(parent))
            {
                changes.Add(new FilesystemChange { Path = parent, Kind = Modified });
            }
        }

        changes.Add(new FilesystemChange { Path = path, Kind = kind });
    }

    private static bool IsDeletion(string fullPath, FileStatus status)
    {
        if (status.IsCharacterDevice && status.RawDeviceMajor == 0 && status.RawDeviceMinor == 0)
        {
            return true;
        }

        return status.IsDirectory && ExtendedAttributes.Get(fullPath, LayerTarApplier.OpaqueXattr) is [(byte)'y'];
    }
}
