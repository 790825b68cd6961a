using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// dockerd's create-time checks (verifyContainerSettings and verifyPlatformContainerSettings) in its order and with
/// its messages, plus the checks of values that dockerd only trips over at start (security options, ulimits,
/// sysctls, devices, tmpfs), so that a bad container is refused before it exists.
/// </summary>
public static class CreateChecks
{
    public static IReadOnlyList<string> Validate(ContainerConfig config, HostConfig hostConfig, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(hostConfig);
        ArgumentNullException.ThrowIfNull(host);

        if (config.WorkingDir.Length > 0 && !config.WorkingDir.StartsWith('/'))
        {
            throw Invalid($"the working directory '{config.WorkingDir}' is invalid, it needs to be an absolute path");
        }

        ProcessEnvironment.Validate(config.Env);
        ValidateRestartPolicy(hostConfig);
        try
        {
            Capabilities.Normalize(hostConfig.CapAdd, host);
        }
        catch (EngineException exception)
        {
            throw Invalid("invalid CapAdd: " + exception.Message);
        }

        try
        {
            Capabilities.Normalize(hostConfig.CapDrop, host);
        }
        catch (EngineException exception)
        {
            throw Invalid("invalid CapDrop: " + exception.Message);
        }

        var warnings = new List<string>();
        ResourceChecks.Verify(hostConfig, host, update: false, warnings);
        ValidatePlatform(hostConfig, host, warnings);
        ValidateStartTimeValues(hostConfig);
        return warnings;
    }

    private static void ValidateRestartPolicy(HostConfig hostConfig)
    {
        var policy = hostConfig.RestartPolicy;
        if (hostConfig.AutoRemove && policy.Name is not ("" or "no"))
        {
            throw Invalid("can't create 'AutoRemove' container with restart policy");
        }

        switch (policy.Name)
        {
            case "always" or "unless-stopped" or "no":
                if (policy.MaximumRetryCount != 0)
                {
                    throw Invalid("invalid restart policy: maximum retry count can only be used with 'on-failure'"
                        + (policy.MaximumRetryCount < 0 ? " and cannot be negative" : ""));
                }

                break;
            case "on-failure":
                if (policy.MaximumRetryCount < 0)
                {
                    throw Invalid("invalid restart policy: maximum retry count cannot be negative");
                }

                break;
            case "":
                // Containers created before Docker 25 have an empty name with any count.
                break;
            default:
                throw Invalid($"invalid restart policy: unknown policy '{policy.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
    }

    private static void ValidatePlatform(HostConfig hostConfig, HostFacts host, List<string> warnings)
    {
        if (!NamespaceModes.IsValidIpc(hostConfig.IpcMode))
        {
            throw Invalid($"invalid IPC mode: {hostConfig.IpcMode}");
        }

        if (!NamespaceModes.IsValidPid(hostConfig.PidMode))
        {
            throw Invalid($"invalid PID mode: {hostConfig.PidMode}");
        }

        if (hostConfig.ShmSize < 0)
        {
            throw Invalid("SHM size can not be less than 0");
        }

        if (!NamespaceModes.IsValidUts(hostConfig.UTSMode))
        {
            throw Invalid($"invalid UTS mode: {hostConfig.UTSMode}");
        }

        if (hostConfig.OomScoreAdj is < -1000 or > 1000)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"Invalid value {hostConfig.OomScoreAdj}, range for oom score adj is [-1000, 1000]"));
        }

        if (NamespaceModes.IsHost(hostConfig.NetworkMode) && hostConfig.PortBindings is { Count: > 0 })
        {
            warnings.Add("Published ports are discarded when using host network mode");
        }

        foreach (var destination in (hostConfig.Tmpfs?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            TmpfsMounts.ValidateDestination(destination);
        }

        if (!NamespaceModes.IsValidCgroupns(hostConfig.CgroupnsMode))
        {
            throw Invalid($"invalid cgroup namespace mode: {hostConfig.CgroupnsMode}");
        }

        if (hostConfig.CgroupnsMode == "private" && !host.CgroupNamespaces)
        {
            warnings.Add("Your kernel does not support cgroup namespaces.  Cgroup namespace setting discarded.");
        }
    }

    private static void ValidateStartTimeValues(HostConfig hostConfig)
    {
        var security = SecurityOptions.Parse(hostConfig.SecurityOpt);
        if (security.SeccompProfile is { } profile && profile != SecurityOptions.Unconfined && profile != SecurityOptions.BuiltinProfile)
        {
            SeccompProfiles.Load(profile);
        }

        Rlimits.Validate(hostConfig.Ulimits);
        Sysctls.Validate(
            hostConfig.Sysctls,
            privateNetwork: NamespaceModes.IsPrivateNetwork(hostConfig.NetworkMode),
            privateIpc: !NamespaceModes.IsHost(hostConfig.IpcMode),
            privateUts: !NamespaceModes.IsHost(hostConfig.UTSMode));

        foreach (var device in hostConfig.Devices ?? [])
        {
            if (device.CgroupPermissions.Any(permission => permission is not ('r' or 'w' or 'm')))
            {
                throw Invalid($"invalid device mode: {device.CgroupPermissions}");
            }

            if (device.PathInContainer.Length > 0 && !device.PathInContainer.StartsWith('/'))
            {
                throw Invalid($"{device.PathInContainer} is not an absolute path");
            }
        }

        DeviceNodes.ParseCgroupRules(hostConfig.DeviceCgroupRules);
        foreach (var options in hostConfig.Tmpfs?.Values ?? Enumerable.Empty<string>())
        {
            TmpfsMounts.Build("/", options);
        }
    }

    private static EngineException Invalid(string message) => EngineException.InvalidParameter(message);
}
