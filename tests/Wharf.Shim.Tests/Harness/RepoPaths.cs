using System.Reflection;

namespace Wharf.Shim.Tests.Harness;

/// <summary>Locations inside the checkout the tests belong to.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "Wharf.slnx";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Artifacts => Path.Combine(Root, "artifacts");

    private static string FindRoot()
    {
        // The build output may live outside the checkout (--artifacts-path), so the build-time path is the last resort.
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), BuildTimeRoot() };
        foreach (var start in starts)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"{SolutionFile} not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }

    private static string BuildTimeRoot() =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "WharfRepoRoot")?.Value ?? "";
}
