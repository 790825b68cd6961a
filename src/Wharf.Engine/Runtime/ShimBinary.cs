namespace Wharf.Engine.Runtime;

/// <summary>Finds <c>wharf-shim</c>: next to the running executable (where every Wharf binary is installed), else on PATH.</summary>
internal static class ShimBinary
{
    public const string FileName = "wharf-shim";

    public static string Locate()
    {
        if (Environment.ProcessPath is { } processPath && Path.GetDirectoryName(processPath) is { } directory)
        {
            var beside = Path.Combine(directory, FileName);
            if (File.Exists(beside))
            {
                return beside;
            }
        }

        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(entry, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return FileName;
    }
}
