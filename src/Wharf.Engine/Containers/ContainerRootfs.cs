using System.Diagnostics;
using Wharf.Engine.Content;
using Wharf.Engine.Errors;
using Wharf.Engine.Layers;
using Wharf.Linux;

namespace Wharf.Engine.Containers;

/// <summary>
/// A container's rw layer: an overlay upper and work dir in the container's directory, stacked on the image's
/// layers and mounted at <c>layer/merged</c> while the container runs (or while something reads its rootfs).
/// </summary>
internal sealed class ContainerRootfs(ILayerStore layers, ContainerPaths paths) : IRootfsMounter
{
    private static readonly string[] MountBinaries = ["/usr/bin/mount", "/bin/mount"];

    // moby's initlayer.Setup: what runc mounts over or the container expects, so that none of it shows up in the
    // rw layer (docker diff) or depends on the image having it.
    private static readonly (string Path, string? Target, bool Directory)[] InitEntries =
    [
        ("dev/pts", null, true),
        ("dev/shm", null, true),
        ("proc", null, true),
        ("sys", null, true),
        (".dockerenv", null, false),
        ("etc/resolv.conf", null, false),
        ("etc/hosts", null, false),
        ("etc/hostname", null, false),
        ("dev/console", null, false),
        ("etc/mtab", "/proc/mounts", false),
    ];

    public void Create(string id)
    {
        Directory.CreateDirectory(paths.UpperDirectory(id));
        Directory.CreateDirectory(paths.WorkDirectory(id));
        Directory.CreateDirectory(paths.MergedDirectory(id));
        Directory.CreateDirectory(paths.EmptyLowerDirectory(id));
        CreateInitLayer(paths.InitDirectory(id));
    }

    /// <summary>The lower dirs of the rw layer that belong to the container (the init layer), top first.</summary>
    public IReadOnlyList<string> OwnLowerDirectories(string id) =>
        Directory.Exists(paths.InitDirectory(id)) ? [paths.InitDirectory(id)] : [];

    public bool IsMounted(string id) => MountTable.IsMountPoint(paths.MergedDirectory(id));

    /// <summary>Mounts the overlay unless it is mounted already; returns the merged dir.</summary>
    public string Mount(string id, Digest? topChainId)
    {
        var merged = paths.MergedDirectory(id);
        if (IsMounted(id))
        {
            return merged;
        }

        // The work dir must be empty and on the same file system; a crash can leave overlay's work/work behind.
        Directory.CreateDirectory(paths.WorkDirectory(id));
        Directory.CreateDirectory(merged);
        var options = topChainId is null
            ? new OverlayMountOptions($"lowerdir={paths.EmptyLowerDirectory(id)},upperdir={paths.UpperDirectory(id)},workdir={paths.WorkDirectory(id)}", null)
            : layers.MountOptions(topChainId, paths.UpperDirectory(id), paths.WorkDirectory(id));
        foreach (var own in OwnLowerDirectories(id))
        {
            // An absolute entry resolves the same with or without the overlay root as working directory.
            options = options with { Data = options.Data.Replace("lowerdir=", $"lowerdir={own}:", StringComparison.Ordinal) };
        }

        try
        {
            if (options.WorkingDirectory is null)
            {
                Mounts.Mount("overlay", merged, "overlay", 0, options.Data);
            }
            else
            {
                MountWithWorkingDirectory(options, merged);
            }
        }
        catch (IOException e)
        {
            throw new EngineException(ErrorKind.Internal, $"error creating overlay mount to {merged}: {e.Message}", e);
        }

        return merged;
    }

    /// <summary>Unmounts the rootfs (every mount stacked on it); does nothing when it is not mounted.</summary>
    public void Unmount(string id) => UnmountAll(paths.MergedDirectory(id));

    /// <summary>Unmounts everything at or below <paramref name="directory"/>, deepest first, detaching what is busy.</summary>
    public static void UnmountAll(string directory)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var points = MountTable.MountPointsUnder(directory);
            if (points.Count == 0)
            {
                return;
            }

            foreach (var point in points)
            {
                try
                {
                    Mounts.Unmount(point);
                }
                catch (IOException)
                {
                    try
                    {
                        Mounts.Unmount(point, Mounts.UnmountDetach);
                    }
                    catch (IOException)
                    {
                        // Gone meanwhile, or stacked under another: the next round sees what is left.
                    }
                }
            }
        }
    }

    private static void CreateInitLayer(string root)
    {
        foreach (var (relative, target, isDirectory) in InitEntries)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (isDirectory)
            {
                Directory.CreateDirectory(path);
            }
            else if (target is not null)
            {
                File.CreateSymbolicLink(path, target);
            }
            else
            {
                File.WriteAllBytes(path, []);
                FileNodes.ChangeMode(path, 0x1ED); // 0755, as moby creates them
            }
        }
    }

    /// <summary>
    /// The relative lowerdir form only resolves against the current directory, which is process-wide: mount(8)
    /// does it in a child process with the overlay root as its working directory.
    /// </summary>
    private static void MountWithWorkingDirectory(OverlayMountOptions options, string target)
    {
        var binary = MountBinaries.FirstOrDefault(File.Exists) ?? "mount";
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = options.WorkingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-t", "overlay", "overlay", "-o", options.Data, target })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new IOException("cannot start mount");
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException(error.Trim());
        }
    }
}
