using System.Diagnostics;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>docker CLI runs the stream tests need beyond <see cref="DockerCli"/>: with stdin, and polling inspect.</summary>
public static class StreamsCli
{
    /// <summary>Runs docker with <paramref name="stdin"/> written to its stdin, then closed.</summary>
    public static async Task<ProcessResult> RunWithInputAsync(WharfDaemon daemon, string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(new DockerCli(daemon).Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-H", daemon.Host, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOCKER_CONFIG"] = daemon.ClientConfigDirectory;
        start.Environment.Remove("DOCKER_HOST");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var overrun = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(daemon.Describe("docker " + string.Join(' ', args) + " did not finish"));
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Polls <c>docker inspect -f</c> until it prints <paramref name="expected"/>; fails with the last value after a generous limit.</summary>
    public static async Task WaitForInspectAsync(WharfDaemon daemon, string container, string format, string expected, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var result = await daemon.Docker.RunAsync("inspect", "-f", format, container);
            last = result.Stdout.Trim();
            if (result.ExitCode == 0 && last == expected)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail(daemon.Describe($"docker inspect -f '{format}' {container} never printed {expected}; last: {last}"));
    }

    /// <summary>Removes the containers whatever state they are in (a test's finally).</summary>
    public static async Task RemoveAsync(WharfDaemon daemon, params string[] containers) =>
        await daemon.Docker.RunAsync(["rm", "-f", .. containers]);
}
