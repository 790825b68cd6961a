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

    public void Create(string id)
    {
        Directory.CreateDirectory(paths.UpperDirectory(id));
        Directory.CreateDirectory(paths.WorkDirectory(id));
        Directory.CreateDirectory(paths.MergedDirectory(id));
        Directory.CreateDirectory(paths.EmptyLowerDirectory(id));
    }

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
