using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Wharf.Shim.Tests.Harness;

/// <summary>runc's own default spec (<c>runc spec</c>), generated once and patched per container by the tests.</summary>
public static class OciSpecTemplate
{
    private static readonly Lazy<string> Template = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JsonObject Create() => JsonNode.Parse(Template.Value)!.AsObject();

    private static string Generate()
    {
        var directory = Directory.CreateTempSubdirectory("wharf-shim-spec-");
        try
        {
            var start = new ProcessStartInfo("/usr/sbin/runc", "spec")
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"runc spec failed: {error}");
            }

            return File.ReadAllText(Path.Combine(directory.FullName, "config.json"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
