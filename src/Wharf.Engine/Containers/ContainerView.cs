using Wharf.Api;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

/// <summary>
/// A snapshot of one container for the stream services. <paramref name="Name"/> has dockerd's leading slash.
/// <paramref name="SpecContext"/> is what the current run was started with (null when it does not run): exec
/// builds its process from it. <paramref name="CgroupsPath"/> is the OCI cgroupsPath (stats read the cgroup files).
/// </summary>
public sealed record ContainerView(
    string Id,
    string Name,
    string ImageId,
    ContainerConfig Config,
    HostConfig HostConfig,
    ContainerState State,
    LogSpec Log,
    string CgroupsPath,
    ContainerSpecContext? SpecContext);
