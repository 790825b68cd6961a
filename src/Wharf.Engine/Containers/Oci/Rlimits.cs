using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary><c>--ulimit</c> as rlimits, plus the open-files default that Docker's containers get from containerd.</summary>
public static class Rlimits
{
    private const string OpenFiles = "RLIMIT_NOFILE";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio",
        "rttime", "sigpending", "stack",
    };

    public static void Validate(IReadOnlyList<Ulimit>? ulimits)
    {
        foreach (var ulimit in ulimits ?? [])
        {
            if (!Names.Contains(ulimit.Name))
            {
                throw EngineException.InvalidParameter($"invalid ulimit type: {ulimit.Name}");
            }

            // -1 is "unlimited" for both values; only finite limits can be out of order.
            if (ulimit.Soft >= 0 && ulimit.Hard >= 0 && ulimit.Soft > ulimit.Hard)
            {
                throw EngineException.InvalidParameter(string.Create(
                    CultureInfo.InvariantCulture, $"ulimit soft limit must be less than or equal to hard limit: {ulimit.Soft} > {ulimit.Hard}"));
            }
        }
    }

    /// <summary>
    /// The given ulimits, then RLIMIT_NOFILE=1048576 when none was given, capped at the daemon's own hard limit so a
    /// host with a lower limit still starts containers (runc cannot raise a hard limit above its own).
    /// </summary>
    public static IReadOnlyList<OciRlimit> Build(IReadOnlyList<Ulimit>? ulimits, ulong daemonOpenFilesHardLimit)
    {
        var rlimits = (ulimits ?? [])
            .Select(ulimit => new OciRlimit("RLIMIT_" + ulimit.Name.ToUpperInvariant(), unchecked((ulong)ulimit.Hard), unchecked((ulong)ulimit.Soft)))
            .ToList();
        if (!rlimits.Any(rlimit => rlimit.Type == OpenFiles))
        {
            var openFiles = Math.Min(DockerDefaults.OpenFiles, daemonOpenFilesHardLimit);
            rlimits.Add(new OciRlimit(OpenFiles, openFiles, openFiles));
        }

        return rlimits;
    }
}
