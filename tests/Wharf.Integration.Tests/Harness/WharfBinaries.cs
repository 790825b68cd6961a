namespace Wharf.Integration.Tests.Harness;

/// <summary>
/// The NativeAOT <c>wharfd</c> and <c>wharf</c> under test: taken from <c>WHARF_BIN_DIR</c> (scripts/test.sh sets it)
/// or <c>artifacts/bin</c>, and published there once, under a cross-process lock, when missing.
/// </summary>
public static class WharfBinaries
{
    public const string DaemonName = "wharfd";
    public const string CliName = "wharf";
    public const string ShimName = "wharf-shim";

    private static readonly (string Name, string Project)[] Programs =
    [
        (DaemonName, "src/Wharf.Daemon"),
        (CliName, "src/Wharf.Cli"),
        (ShimName, "src/Wharf.Shim"),
    ];

    private static readonly Lazy<string> LazyDirectory = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The directory holding both binaries; publishing happens on first use.</summary>
    public static string Directory => LazyDirectory.Value;

    public static string Daemon => Path.Combine(Directory, DaemonName);

    public static string Cli => Path.Combine(Directory, CliName);

    /// <summary>Where the publish output of each binary goes: <c>publish-logs</c> next to the bin directory.</summary>
    public static string PublishLogDirectory => Path.Combine(Path.GetDirectoryName(ConfiguredDirectory)!, "publish-logs");

    public static string PublishLog(string name) => Path.Combine(PublishLogDirectory, name + ".log");

    private static string ConfiguredDirectory =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("WHARF_BIN_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoPaths.Artifacts, "bin"));

    private static string Locate()
    {
        var directory = ConfiguredDirectory;
        if (AllPresent(directory))
        {
            return directory;
        }

        System.IO.Directory.CreateDirectory(directory);
        using (CrossProcessLock.Acquire(directory.TrimEnd('/') + ".lock", TimeSpan.FromMinutes(20)))
        {
            // Another test process may have published while this one waited for the lock.
            foreach (var (name, project) in Programs)
            {
                if (!File.Exists(Path.Combine(directory, name)))
                {
                    Publish(name, project, directory);
                }
            }
        }

        return directory;
    }

    private static bool AllPresent(string directory) =>
        Programs.All(p => File.Exists(Path.Combine(directory, p.Name)));

    private static void Publish(string name, string project, string outputDirectory)
    {
        System.IO.Directory.CreateDirectory(PublishLogDirectory);
        // A private artifacts path keeps this build from colliding with whatever else builds the solution.
        var buildArtifacts = Path.Combine(Path.GetDirectoryName(outputDirectory)!, "publish-build");
        var result = ProcessRunner.RunAsync(
                "dotnet",
                ["publish", Path.Combine(RepoPaths.Root, project), "-c", "Release", "-o", outputDirectory, "--artifacts-path", buildArtifacts, "-nologo"],
                TimeSpan.FromMinutes(15),
                workingDirectory: RepoPaths.Root)
            .GetAwaiter().GetResult();
        File.WriteAllText(PublishLog(name), result.Stdout + result.Stderr);
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(outputDirectory, name)))
        {
            throw new InvalidOperationException(result.Describe($"dotnet publish {project} failed"));
        }
    }
}
