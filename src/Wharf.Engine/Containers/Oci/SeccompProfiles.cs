using System.Text.Json;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// Docker's seccomp profiles resolved for one container (moby profiles/seccomp setupSeccomp): the native
/// architecture and its sub-architectures from the arch map, and each rule kept only when its includes hold and
/// its excludes do not, judged by the container's bounding capabilities, the machine and the running kernel.
/// </summary>
public static class SeccompProfiles
{
    private const string DefaultProfileResource = "Wharf.Engine.Containers.Oci.docker-default-seccomp.json";

    private static readonly Lazy<DockerSeccompProfile> DefaultProfile = new(LoadDefault);

    private static readonly Dictionary<string, string> NativeArchitectures = new(StringComparer.Ordinal)
    {
        ["386"] = "SCMP_ARCH_X86",
        ["amd64"] = "SCMP_ARCH_X86_64",
        ["arm"] = "SCMP_ARCH_ARM",
        ["arm64"] = "SCMP_ARCH_AARCH64",
        ["mips64"] = "SCMP_ARCH_MIPS64",
        ["mips64le"] = "SCMP_ARCH_MIPSEL64",
        ["ppc64le"] = "SCMP_ARCH_PPC64LE",
        ["riscv64"] = "SCMP_ARCH_RISCV64",
        ["s390x"] = "SCMP_ARCH_S390X",
        ["loong64"] = "SCMP_ARCH_LOONGARCH64",
    };

    /// <summary>Docker's default profile (moby profiles/seccomp/default.json, embedded).</summary>
    public static DockerSeccompProfile Default => DefaultProfile.Value;

    /// <summary>
    /// The filter for a container: null when unconfined or privileged; the default profile unless
    /// <paramref name="profile"/> names another (JSON text, or a file on this host).
    /// </summary>
    public static OciSeccomp? ForContainer(string? profile, bool privileged, IReadOnlyList<string> boundingCapabilities, HostFacts host)
    {
        if (profile == SecurityOptions.Unconfined || privileged)
        {
            return null;
        }

        var docker = string.IsNullOrEmpty(profile) || profile == SecurityOptions.BuiltinProfile ? Default : Load(profile);
        return Convert(docker, boundingCapabilities, host);
    }

    /// <summary>Parses a profile in Docker's format; <paramref name="profile"/> is its JSON or, when it does not start with <c>{</c>, a path.</summary>
    public static DockerSeccompProfile Load(string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = profile.TrimStart().StartsWith('{') ? profile : ReadProfileFile(profile);
        try
        {
            return JsonSerializer.Deserialize(json, OciJsonContext.Default.DockerSeccompProfile)
                ?? throw EngineException.InvalidParameter("Decoding seccomp profile failed: profile is null");
        }
        catch (JsonException exception)
        {
            throw EngineException.InvalidParameter($"Decoding seccomp profile failed: {exception.Message}");
        }
    }

    public static OciSeccomp? Convert(DockerSeccompProfile profile, IReadOnlyList<string> boundingCapabilities, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(boundingCapabilities);
        ArgumentNullException.ThrowIfNull(host);
        if (profile.DefaultAction.Length == 0 && (profile.Syscalls is null || profile.Syscalls.Count == 0))
        {
            return null;
        }

        if (profile.Architectures is { Count: > 0 } && profile.ArchMap is { Count: > 0 })
        {
            throw EngineException.InvalidParameter(
                "both 'architectures' and 'archMap' are specified in the seccomp profile, use either 'architectures' or 'archMap'");
        }

        var architectures = profile.Architectures?.ToList() ?? [];
        if (NativeArchitectures.TryGetValue(host.Architecture, out var native)
            && profile.ArchMap?.FirstOrDefault(entry => entry.Architecture == native) is { } mapped)
        {
            architectures.Add(mapped.Architecture);
            architectures.AddRange(mapped.SubArchitectures ?? []);
        }

        var syscalls = new List<OciSyscall>();
        foreach (var rule in profile.Syscalls ?? [])
        {
            var names = rule.Names ?? [];
            if (!string.IsNullOrEmpty(rule.Name))
            {
                if (names.Count != 0)
                {
                    throw EngineException.InvalidParameter(
                        "both 'name' and 'names' are specified in the seccomp profile, use either 'name' or 'names'");
                }

                names = [rule.Name];
            }

            if (Applies(rule, boundingCapabilities, host))
            {
                syscalls.Add(new OciSyscall { Names = names, Action = rule.Action, ErrnoRet = rule.ErrnoRet, Args = rule.Args });
            }
        }

        return new OciSeccomp
        {
            DefaultAction = profile.DefaultAction,
            DefaultErrnoRet = profile.DefaultErrnoRet,
            Architectures = architectures.Count == 0 ? null : architectures,
            Flags = profile.Flags is { Count: > 0 } ? profile.Flags : null,
            Syscalls = syscalls,
        };
    }

    private static bool Applies(DockerSeccompRule rule, IReadOnlyList<string> capabilities, HostFacts host)
    {
        if (rule.Excludes is { } excludes)
        {
            if (excludes.Arches is { Count: > 0 } && excludes.Arches.Contains(host.Architecture))
            {
                return false;
            }

            if (excludes.Caps is { Count: > 0 } && excludes.Caps.Any(capabilities.Contains))
            {
                return false;
            }

            if (excludes.MinKernel is { Length: > 0 } && KernelVersion.AtLeast(host.KernelMajor, host.KernelMinor, excludes.MinKernel))
            {
                return false;
            }
        }

        if (rule.Includes is { } includes)
        {
            if (includes.Arches is { Count: > 0 } && !includes.Arches.Contains(host.Architecture))
            {
                return false;
            }

            if (includes.Caps is { Count: > 0 } && !includes.Caps.All(capabilities.Contains))
            {
                return false;
            }

            if (includes.MinKernel is { Length: > 0 } && !KernelVersion.AtLeast(host.KernelMajor, host.KernelMinor, includes.MinKernel))
            {
                return false;
            }
        }

        return true;
    }

    private static string ReadProfileFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw EngineException.InvalidParameter($"opening seccomp profile ({path}) failed: {exception.Message}");
        }
    }

    private static DockerSeccompProfile LoadDefault()
    {
        using var stream = typeof(SeccompProfiles).Assembly.GetManifestResourceStream(DefaultProfileResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultProfileResource} is missing");
        return JsonSerializer.Deserialize(stream, OciJsonContext.Default.DockerSeccompProfile)
            ?? throw new InvalidOperationException("the default seccomp profile is empty");
    }
}
