namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// <c>linux.namespaces</c> as dockerd's WithNamespaces sets them: mount, network, uts, pid and ipc of their own
/// unless shared with the host (left out) or with another container (joined by path), plus a cgroup namespace
/// when private (the default on cgroup v2, not on v1).
/// </summary>
public static class SpecNamespaces
{
    public static IReadOnlyList<OciNamespace> Build(ContainerSpecContext context, bool cgroupV2)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.HostConfig;
        var namespaces = new List<OciNamespace> { new("mount") };
        if (!NamespaceModes.IsHost(host.NetworkMode))
        {
            namespaces.Add(new OciNamespace("network", PathFor(context, "network")));
        }

        if (!NamespaceModes.IsHost(host.UTSMode))
        {
            namespaces.Add(new OciNamespace("uts", PathFor(context, "uts")));
        }

        if (!NamespaceModes.IsHost(host.PidMode))
        {
            namespaces.Add(new OciNamespace("pid", PathFor(context, "pid")));
        }

        if (!NamespaceModes.IsHost(host.IpcMode))
        {
            namespaces.Add(new OciNamespace("ipc", PathFor(context, "ipc")));
        }

        if (CgroupnsMode(host.CgroupnsMode, cgroupV2) == "private")
        {
            namespaces.Add(new OciNamespace("cgroup", PathFor(context, "cgroup")));
        }

        return namespaces;
    }

    /// <summary>The cgroup namespace mode dockerd fills in when none is given: private on cgroup v2, host on v1.</summary>
    public static string CgroupnsMode(string? requested, bool cgroupV2) =>
        string.IsNullOrEmpty(requested) ? (cgroupV2 ? "private" : NamespaceModes.Host) : requested;

    private static string? PathFor(ContainerSpecContext context, string type) =>
        context.NamespacePaths.TryGetValue(type, out var path) && path.Length > 0 ? path : null;
}
