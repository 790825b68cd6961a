using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>
/// Fills what a deserialised request leaves null. System.Text.Json's source generator sets every init-only
/// property a JSON body does not mention to its default (null), not to the record's initializer (""), so a body
/// without <c>Runtime</c> or <c>LogConfig</c> would otherwise reach the engine with nulls where the records promise values.
/// </summary>
internal static class RequestDefaults
{
    public static ContainerConfig Config(ContainerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with
        {
            Hostname = config.Hostname ?? "",
            Domainname = config.Domainname ?? "",
            User = config.User ?? "",
            Image = config.Image ?? "",
            WorkingDir = config.WorkingDir ?? "",
        };
    }

    public static HostConfig Host(HostConfig? hostConfig)
    {
        if (hostConfig is null)
        {
            return new HostConfig();
        }

        return hostConfig with
        {
            ContainerIDFile = hostConfig.ContainerIDFile ?? "",
            LogConfig = hostConfig.LogConfig is null ? new LogConfig() : hostConfig.LogConfig with { Type = hostConfig.LogConfig.Type ?? "", Config = hostConfig.LogConfig.Config ?? [] },
            NetworkMode = hostConfig.NetworkMode ?? "",
            RestartPolicy = Policy(hostConfig.RestartPolicy) ?? new RestartPolicy(),
            VolumeDriver = hostConfig.VolumeDriver ?? "",
            CgroupnsMode = hostConfig.CgroupnsMode ?? "",
            IpcMode = hostConfig.IpcMode ?? "",
            Cgroup = hostConfig.Cgroup ?? "",
            PidMode = hostConfig.PidMode ?? "",
            UTSMode = hostConfig.UTSMode ?? "",
            UsernsMode = hostConfig.UsernsMode ?? "",
            Runtime = hostConfig.Runtime ?? "",
            Isolation = hostConfig.Isolation ?? "",
            CgroupParent = hostConfig.CgroupParent ?? "",
            CpusetCpus = hostConfig.CpusetCpus ?? "",
            CpusetMems = hostConfig.CpusetMems ?? "",
        };
    }

    public static ContainerUpdateRequest Update(ContainerUpdateRequest update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update with
        {
            CgroupParent = update.CgroupParent ?? "",
            CpusetCpus = update.CpusetCpus ?? "",
            CpusetMems = update.CpusetMems ?? "",
            RestartPolicy = Policy(update.RestartPolicy),
        };
    }

    private static RestartPolicy? Policy(RestartPolicy? policy) => policy is null ? null : policy with { Name = policy.Name ?? "" };
}
