using System.Diagnostics;

namespace Wharf.Shim.Tests.Harness;

/// <summary>
/// The NativeAOT <c>wharf-shim</c> under test: taken from <c>WHARF_BIN_DIR</c> (scripts/test.sh sets it) or
/// <c>artifacts/bin</c>, and published there once, under a cross-process lock, when missing.
/// </summary>
public static class ShimBinary
{
    public const string Name = "wharf-shim";

    private static readonly Lazy<string> LazyPath = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => LazyPath.Value;

    private static string ConfiguredDirectory =>
        System.IO.Path.GetFullPath(Environment.GetEnvironmentVariable("WHARF_BIN_DIR") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(RepoPaths.Artifacts, "bin"));

    private static string Locate()
    {
        var directory = ConfiguredDirectory;
        var binary = System.IO.Path.Combine(directory, Name);
        if (File.Exists(binary))
        {
            return binary;
        }

        Directory.CreateDirectory(directory);
        using (AcquireLock(directory.TrimEnd('/') + ".lock", TimeSpan.FromMinutes(20)))
        {
            // Another test process may have published while this one waited for the lock.
            if (!File.Exists(binary))
            {
                Publish(directory);
            }
        }

        return binary;
    }

    private static void Publish(string outputDirectory)
    {
        var logDirectory = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(outputDirectory)!, "publish-logs");
        Directory.CreateDirectory(logDirectory);
        // A private artifacts path keeps this build from colliding with whatever else builds the solution.
        var buildArtifacts = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(outputDirectory)!, "publish-build");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in (string[])["publish", System.IO.Path.Combine(RepoPaths.Root, "src/Wharf.Shim"), "-c", "Release", "-o", outputDirectory, "--artifacts-path", buildArtifacts, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        File.WriteAllText(System.IO.Path.Combine(logDirectory, Name + ".log"), stdout.Result + stderr.Result);
        if (process.ExitCode != 0 || !File.Exists(System.IO.Path.Combine(outputDirectory, Name)))
        {
            throw new InvalidOperationException($"dotnet publish src/Wharf.Shim failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static FileStream AcquireLock(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }
}
