using Wharf.Engine.Content;

namespace Wharf.Engine.Containers;

/// <summary>Makes, mounts and unmounts containers' rw layers (overlayfs in wharfd; a plain directory in tests without root).</summary>
internal interface IRootfsMounter
{
    void Create(string id);

    bool IsMounted(string id);

    /// <summary>The lower dirs the container adds above its image (the init layer), top first.</summary>
    IReadOnlyList<string> OwnLowerDirectories(string id);

    /// <summary>Mounts the rootfs unless it is mounted; returns the path that becomes the container's root.</summary>
    string Mount(string id, Digest? topChainId);

    void Unmount(string id);
}
