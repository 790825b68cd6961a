using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Docker's capability rules (moby oci/caps): CAP_ prefix optional, case-insensitive, <c>ALL</c>, privileged = everything.</summary>
public static class Capabilities
{
    private const string All = "ALL";

    /// <summary>Upper-cases and prefixes each name, keeping <c>ALL</c>; an unknown or unavailable capability is an error.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string>? names, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var normalized = new List<string>();
        foreach (var name in names ?? [])
        {
            var upper = name.ToUpperInvariant();
            if (upper == All)
            {
                normalized.Add(upper);
                continue;
            }

            if (!upper.StartsWith("CAP_", StringComparison.Ordinal))
            {
                upper = "CAP_" + upper;
            }

            if (!CapabilityNames.Known.Contains(upper))
            {
                throw EngineException.InvalidParameter($"unknown capability: {GoQuote.Quote(upper)}");
            }

            if (!host.AvailableCapabilities.Contains(upper))
            {
                throw EngineException.InvalidParameter(
                    $"capability not supported by your kernel or not available in the current environment: {GoQuote.Quote(upper)}");
            }

            normalized.Add(upper);
        }

        return normalized;
    }

    /// <summary>The container's capability set: Docker's defaults with <paramref name="drops"/> removed and <paramref name="adds"/> added.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? adds, IReadOnlyList<string>? drops, bool privileged, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (privileged)
        {
            return host.AvailableCapabilities;
        }

        if ((adds is null || adds.Count == 0) && (drops is null || drops.Count == 0))
        {
            return DockerDefaults.Capabilities;
        }

        var dropped = Normalize(drops, host);
        var added = Normalize(adds, host);
        IEnumerable<string> result;
        if (added.Contains(All))
        {
            result = host.AvailableCapabilities.Where(capability => !dropped.Contains(capability));
        }
        else if (dropped.Contains(All))
        {
            result = added;
        }
        else
        {
            result = DockerDefaults.Capabilities.Where(capability => !dropped.Contains(capability)).Concat(added);
        }

        // Docker can list a capability twice (--cap-add CHOWN); one entry means the same to the kernel and reads better.
        return result.Distinct(StringComparer.Ordinal).ToList();
    }
}
