namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// Resolves a path inside a root dir the way the container would see it: symlinks (absolute or relative) and
/// <c>..</c> never leave the root, as moby's FollowSymlinkInScope. Reading an image's /etc/passwd must not read the host's.
/// </summary>
public static class ScopedPath
{
    private const int MaxLinks = 255;

    public static string Resolve(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var fullRoot = Path.GetFullPath(root).TrimEnd('/');
        var pending = new LinkedList<string>(path.Split('/'));
        var resolved = new List<string>();
        var links = 0;
        while (pending.First is { } first)
        {
            var component = first.Value;
            pending.RemoveFirst();
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Join(fullRoot, resolved, component);
            var target = TryReadLink(candidate);
            if (target is null)
            {
                resolved.Add(component);
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many links in {path}");
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            var targetParts = target.Split('/');
            for (var i = targetParts.Length - 1; i >= 0; i--)
            {
                pending.AddFirst(targetParts[i]);
            }
        }

        return resolved.Count == 0 ? fullRoot + "/" : fullRoot + "/" + string.Join('/', resolved);
    }

    private static string Join(string root, List<string> resolved, string component) =>
        resolved.Count == 0 ? $"{root}/{component}" : $"{root}/{string.Join('/', resolved)}/{component}";

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
