namespace Wharf.Engine.Runtime;

/// <summary>
/// What a shim needs to run one container. <paramref name="BundleDirectory"/> holds the OCI <c>config.json</c> the
/// engine wrote (its <c>root.path</c> is the container's mounted rootfs); the shim keeps its own files (socket,
/// pid file, exit file, runc log) in the runtime's state dir for <paramref name="Id"/>.
/// </summary>
/// <param name="ReplayToFirstAttach">The shim keeps the output (up to 1 MiB) until the first attach connects and gives it to that client first: <c>docker run</c> attaches before the start, and a quick process must not finish before wharfd's attach reaches the shim.</param>
/// <param name="MemoryCgroupPath">Absolute path of the container's memory cgroup dir (v1 <c>/sys/fs/cgroup/memory/…</c>, v2 the unified dir), read at exit to tell OOMKilled; null to skip.</param>
public sealed record ContainerStartSpec(
    string Id,
    string BundleDirectory,
    bool Tty,
    bool OpenStdin,
    bool StdinOnce,
    LogSpec Log,
    string? MemoryCgroupPath,
    int? InitialHeight = null,
    int? InitialWidth = null,
    bool ReplayToFirstAttach = false);
