using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>
/// Everything the spec builder needs for one container start or exec. <paramref name="Config"/> is already merged
/// with the image's defaults (Env, Cmd/Entrypoint, WorkingDir, User, StopSignal, Healthcheck).
/// </summary>
/// <param name="RootfsPath">The mounted overlay (merged) dir that becomes <c>root.path</c>; the builder reads its /etc/passwd and /etc/group to resolve <c>-u name</c> and <c>--group-add name</c>.</param>
/// <param name="HostnamePath">Host files bind-mounted at /etc/hostname, /etc/hosts and /etc/resolv.conf (already written by the engine).</param>
/// <param name="CgroupsPath">OCI <c>linux.cgroupsPath</c> (e.g. <c>/wharf/&lt;id&gt;</c>, or under <c>--cgroup-parent</c>).</param>
/// <param name="NamespacePaths">Namespaces to join instead of creating: key <c>network</c>, <c>ipc</c>, <c>pid</c>, <c>uts</c>, <c>cgroup</c> → a path like <c>/proc/&lt;pid&gt;/ns/ipc</c> (for <c>container:</c> modes). <c>host</c> modes come from HostConfig and mean: no such namespace in the spec.</param>
/// <param name="ShmPath">A host dir to bind-mount at /dev/shm (ipc shareable or container:), or null for a private tmpfs of HostConfig.ShmSize (default 64 MiB).</param>
/// <param name="InitPath">The init binary for <c>--init</c> (tini or docker-init), bind-mounted read-only at /sbin/docker-init; null when none is installed.</param>
/// <param name="ExtraMounts">Volume and bind mounts already resolved by the engine, in OCI form (destination, type, source, options).</param>
public sealed record ContainerSpecContext(
    string Id,
    ContainerConfig Config,
    HostConfig HostConfig,
    string RootfsPath,
    string HostnamePath,
    string HostsPath,
    string ResolvConfPath,
    string CgroupsPath,
    IReadOnlyDictionary<string, string> NamespacePaths,
    string? ShmPath,
    string? InitPath,
    IReadOnlyList<OciMount> ExtraMounts);
