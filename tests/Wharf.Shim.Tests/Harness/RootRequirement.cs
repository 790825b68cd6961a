namespace Wharf.Shim.Tests.Harness;

/// <summary>Whether root-only tests can run here, and whether their absence is an error (CI) or just a skip (a laptop).</summary>
public static class RootRequirement
{
    public const string SkipReason = "needs root (real runc, cgroups and namespaces); run as root to include it";

    public const string CiError = "needs root, and CI is set: the shim tests must run as root in CI, so this is a failure, not a skip";

    public static bool IsRoot => Environment.IsPrivilegedProcess;

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
        && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";
}
