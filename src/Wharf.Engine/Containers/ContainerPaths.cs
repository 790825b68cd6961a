namespace Wharf.Engine.Containers;

/// <summary>
/// Where a container's files live. Everything of one container is under <c>&lt;data-root&gt;/containers/&lt;id&gt;/</c>,
/// so removing that directory removes the container's files (rw layer included) and a directory without a row is
/// garbage: <c>hostname</c>, <c>hosts</c>, <c>resolv.conf</c>, the logs, <c>layer/diff</c> (overlay upper dir),
/// <c>layer/work</c>, <c>layer/merged</c> (the rootfs mount point), <c>layer/init</c> (Docker's init layer, the lowest
/// lower dir above the image), <c>layer/empty</c> (lower dir of an image without layers) and <c>mounts/shm</c> (the tmpfs of a shareable IPC namespace). The runtime's per-container state dir
/// (OCI bundle, shim socket, pid and exit files) is <c>&lt;exec-root&gt;/containers/&lt;id&gt;/</c>.
/// </summary>
internal sealed class ContainerPaths(string dataRoot, string execRoot)
{
    public string ContainersRoot { get; } = Path.Combine(dataRoot, "containers");

    public string Directory(string id) => Path.Combine(ContainersRoot, id);

    public string HostnameFile(string id) => Path.Combine(Directory(id), "hostname");

    public string HostsFile(string id) => Path.Combine(Directory(id), "hosts");

    public string ResolvConfFile(string id) => Path.Combine(Directory(id), "resolv.conf");

    public string JsonLogFile(string id) => Path.Combine(Directory(id), id + "-json.log");

    public string LocalLogFile(string id) => Path.Combine(Directory(id), "local-logs", "container.log");

    public string LayerDirectory(string id) => Path.Combine(Directory(id), "layer");

    public string UpperDirectory(string id) => Path.Combine(LayerDirectory(id), "diff");

    public string WorkDirectory(string id) => Path.Combine(LayerDirectory(id), "work");

    public string MergedDirectory(string id) => Path.Combine(LayerDirectory(id), "merged");

    public string EmptyLowerDirectory(string id) => Path.Combine(LayerDirectory(id), "empty");

    /// <summary>Docker's "-init" layer: mount points and placeholders between the image and the rw layer.</summary>
    public string InitDirectory(string id) => Path.Combine(LayerDirectory(id), "init");

    public string ShmDirectory(string id) => Path.Combine(Directory(id), "mounts", "shm");

    /// <summary>The OCI bundle dir, which is the runtime's state dir for the container.</summary>
    public string BundleDirectory(string id) => Path.Combine(execRoot, "containers", id);
}
