using System.Globalization;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// <c>--security-opt</c> values, parsed like dockerd's parseSecurityOpt. SELinux labels and AppArmor profiles are
/// accepted and kept but have no effect on a host without those LSMs.
/// </summary>
public sealed record SecurityOptions
{
    /// <summary>Docker's name for the built-in seccomp profile.</summary>
    public const string BuiltinProfile = "builtin";

    public const string Unconfined = "unconfined";

    public bool NoNewPrivileges { get; init; }

    /// <summary>True/false from <c>writable-cgroups</c>; null when not given (then only privileged containers get a writable /sys/fs/cgroup).</summary>
    public bool? WritableCgroups { get; init; }

    /// <summary><c>unconfined</c>, <c>builtin</c>, a profile's JSON (what the docker CLI sends after reading the file) or a path on the daemon's host; null for the default.</summary>
    public string? SeccompProfile { get; init; }

    public string? AppArmorProfile { get; init; }

    public IReadOnlyList<string> LabelOptions { get; init; } = [];

    public static SecurityOptions Parse(IReadOnlyList<string>? options)
    {
        var parsed = new SecurityOptions();
        var labels = new List<string>();
        foreach (var option in options ?? [])
        {
            switch (option)
            {
                case "no-new-privileges":
                    parsed = parsed with { NoNewPrivileges = true };
                    continue;
                case "writable-cgroups":
                    parsed = parsed with { WritableCgroups = true };
                    continue;
                case "disable":
                    labels.Add("disable");
                    continue;
            }

            // "key:value" is the pre-17.04 spelling, still accepted by dockerd with a deprecation warning.
            var separator = option.Contains('=', StringComparison.Ordinal) ? option.IndexOf('=', StringComparison.Ordinal) : option.IndexOf(':', StringComparison.Ordinal);
            if (separator < 0)
            {
                throw EngineException.InvalidParameter($"invalid --security-opt 1: {GoQuote.Quote(option)}");
            }

            var key = option[..separator];
            var value = option[(separator + 1)..];
            parsed = key switch
            {
                "label" => AddLabel(parsed, labels, value),
                "apparmor" => parsed with { AppArmorProfile = value },
                "seccomp" => parsed with { SeccompProfile = value },
                "no-new-privileges" => parsed with { NoNewPrivileges = ParseBool(value, option) },
                "writable-cgroups" => parsed with { WritableCgroups = ParseBool(value, option) },
                _ => throw EngineException.InvalidParameter($"invalid --security-opt 2: {GoQuote.Quote(option)}"),
            };
        }

        return parsed with { LabelOptions = labels };
    }

    private static SecurityOptions AddLabel(SecurityOptions parsed, List<string> labels, string value)
    {
        labels.Add(value);
        return parsed;
    }

    // Go's strconv.ParseBool.
    private static bool ParseBool(string value, string option) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw EngineException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"invalid --security-opt 2: {GoQuote.Quote(option)}")),
    };
}
