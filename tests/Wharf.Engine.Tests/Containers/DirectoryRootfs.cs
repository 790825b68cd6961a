using System.Collections.Concurrent;
using Wharf.Engine.Containers;
using Wharf.Engine.Content;

namespace Wharf.Engine.Tests.Containers;

/// <summary>Rootfs "mounts" as a set of flags, so that state transitions are testable without root.</summary>
internal sealed class DirectoryRootfs(string containersRoot) : IRootfsMounter
{
    public ConcurrentDictionary<string, bool> Mounted { get; } = new(StringComparer.Ordinal);

    public void Create(string id)
    {
        Directory.CreateDirectory(Path.Combine(containersRoot, id, "layer", "diff"));
        Directory.CreateDirectory(Path.Combine(containersRoot, id, "layer", "merged"));
    }

    public bool IsMounted(string id) => Mounted.ContainsKey(id);

    public IReadOnlyList<string> OwnLowerDirectories(string id) => [];

    public string Mount(string id, Digest? topChainId)
    {
        Mounted[id] = true;
        return Path.Combine(containersRoot, id, "layer", "merged");
    }

    public void Unmount(string id) => Mounted.TryRemove(id, out _);
}
