using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers;

/// <summary>
/// dockerd's merge of a create request with the image's defaults (moby's <c>merge</c>), and the container's
/// <c>Path</c>/<c>Args</c> from the result.
/// </summary>
internal static class ContainerConfigMerger
{
    /// <summary>
    /// The container's config: what the request leaves empty comes from the image. An entrypoint in the request
    /// drops the image's Cmd and Entrypoint; an empty (but present) entrypoint keeps the image's Cmd only.
    /// </summary>
    public static ContainerConfig Merge(ContainerConfig request, ImageConfig image)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        var cmd = request.Cmd;
        var entrypoint = request.Entrypoint;
        var argsEscaped = request.ArgsEscaped;
        if (entrypoint is null || entrypoint.Count == 0)
        {
            if (cmd is null || cmd.Count == 0)
            {
                cmd = image.Cmd;
                argsEscaped = image.ArgsEscaped;
            }

            entrypoint ??= image.Entrypoint;
        }

        return CopyOf(request) with
        {
            User = request.User.Length == 0 ? image.User ?? "" : request.User,
            ExposedPorts = MergeSets(request.ExposedPorts, image.ExposedPorts),
            Env = MergeEnv(request.Env, image.Env),
            Labels = MergeLabels(request.Labels, image.Labels),
            Cmd = cmd,
            Entrypoint = entrypoint,
            ArgsEscaped = argsEscaped,
            Healthcheck = MergeHealthcheck(request.Healthcheck, image.Healthcheck),
            WorkingDir = request.WorkingDir.Length == 0 ? image.WorkingDir ?? "" : request.WorkingDir,
            Volumes = MergeSets(request.Volumes, image.Volumes),
            StopSignal = string.IsNullOrEmpty(request.StopSignal) ? image.StopSignal : request.StopSignal,
            OnBuild = request.OnBuild,
        };
    }

    /// <summary>moby's <c>getEntrypointAndArgs</c>; InvalidParameter "No command specified" when there is nothing to run.</summary>
    public static (string Path, IReadOnlyList<string> Args) EntrypointAndArgs(ContainerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cmd = config.Cmd ?? [];
        if (config.Entrypoint is { Count: > 0 } entrypoint)
        {
            return (entrypoint[0], [.. entrypoint.Skip(1), .. cmd]);
        }

        if (cmd.Count == 0)
        {
            throw EngineException.InvalidParameter("No command specified");
        }

        return (cmd[0], [.. cmd.Skip(1)]);
    }

    /// <summary>A plain <see cref="ContainerConfig"/> (not the request subtype, whose HostConfig must not be stored twice).</summary>
    public static ContainerConfig CopyOf(ContainerConfig source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ContainerConfig
        {
            Hostname = source.Hostname,
            Domainname = source.Domainname,
            User = source.User,
            AttachStdin = source.AttachStdin,
            AttachStdout = source.AttachStdout,
            AttachStderr = source.AttachStderr,
            ExposedPorts = source.ExposedPorts,
            Tty = source.Tty,
            OpenStdin = source.OpenStdin,
            StdinOnce = source.StdinOnce,
            Env = source.Env,
            Cmd = source.Cmd,
            Healthcheck = source.Healthcheck,
            ArgsEscaped = source.ArgsEscaped,
            Image = source.Image,
            Volumes = source.Volumes,
            WorkingDir = source.WorkingDir,
            Entrypoint = source.Entrypoint,
            NetworkDisabled = source.NetworkDisabled,
            MacAddress = source.MacAddress,
            OnBuild = source.OnBuild,
            Labels = source.Labels,
            StopSignal = source.StopSignal,
            StopTimeout = source.StopTimeout,
            Shell = source.Shell,
        };
    }

    private static Dictionary<string, EmptyObject>? MergeSets(Dictionary<string, EmptyObject>? user, Dictionary<string, EmptyObject>? image)
    {
        if (user is null || user.Count == 0)
        {
            return image is null ? user : new Dictionary<string, EmptyObject>(image, StringComparer.Ordinal);
        }

        var merged = new Dictionary<string, EmptyObject>(user, StringComparer.Ordinal);
        foreach (var key in image?.Keys ?? Enumerable.Empty<string>())
        {
            merged.TryAdd(key, new EmptyObject());
        }

        return merged;
    }

    private static IReadOnlyList<string>? MergeEnv(IReadOnlyList<string>? user, IReadOnlyList<string>? image)
    {
        if (user is null || user.Count == 0)
        {
            return image;
        }

        var merged = new List<string>(user);
        var userKeys = user.Select(EnvKey).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in image ?? [])
        {
            if (!userKeys.Contains(EnvKey(entry)))
            {
                merged.Add(entry);
            }
        }

        return merged;
    }

    private static string EnvKey(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? entry : entry[..equals];
    }

    private static Dictionary<string, string> MergeLabels(Dictionary<string, string>? user, Dictionary<string, string>? image)
    {
        var merged = user is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(user, StringComparer.Ordinal);
        foreach (var (key, value) in image ?? [])
        {
            merged.TryAdd(key, value);
        }

        return merged;
    }

    private static HealthConfig? MergeHealthcheck(HealthConfig? user, HealthConfig? image)
    {
        if (image is null || user is null)
        {
            return user ?? image;
        }

        return user with
        {
            Test = user.Test is { Count: > 0 } ? user.Test : image.Test,
            Interval = user.Interval == 0 ? image.Interval : user.Interval,
            Timeout = user.Timeout == 0 ? image.Timeout : user.Timeout,
            StartPeriod = user.StartPeriod == 0 ? image.StartPeriod : user.StartPeriod,
            StartInterval = user.StartInterval == 0 ? image.StartInterval : user.StartInterval,
            Retries = user.Retries == 0 ? image.Retries : user.Retries,
        };
    }
}
