using System.Text.Json;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>
/// A wharfd with busybox:latest (bootstrapped from the host's static busybox) for the container lifecycle tests.
/// Containers outlive wharfd by design, so disposing first removes every container, then checks that nothing of
/// them is left on the machine (mounts, cgroups, shims, runc state, files), then disposes the daemon.
/// </summary>
public sealed class LifecycleDaemon : IAsyncDisposable
{
    private static readonly string[] CgroupRoots = ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"];

    private readonly List<string> _containerIds = [];

    private LifecycleDaemon(WharfDaemon daemon)
    {
        Daemon = daemon;
    }

    public WharfDaemon Daemon { get; }

    public DockerCli Docker => Daemon.Docker;

    public static async Task<LifecycleDaemon> StartAsync(ITestOutputHelper output, [System.Runtime.CompilerServices.CallerMemberName] string caller = "", [System.Runtime.CompilerServices.CallerFilePath] string callerFile = "")
    {
        var daemon = await WharfDaemon.StartAsync(output, caller: caller, callerFile: callerFile);
        try
        {
            await new WharfCli(daemon) { Timeout = TimeSpan.FromMinutes(3) }.RunOkAsync("image", "bootstrap", "busybox");
            return new LifecycleDaemon(daemon);
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs docker and expects success; remembers a container ID it prints (run -d, create) for the leftover check.</summary>
    public async Task<string> DockerOkAsync(params string[] args)
    {
        var result = await Docker.RunOkAsync(args);
        var output = result.Stdout.Trim();
        if (args.Length > 0 && args[0] is "run" or "create" && output.Length == 64)
        {
            Track(output);
        }

        return output;
    }

    public void Track(string id)
    {
        lock (_containerIds)
        {
            _containerIds.Add(id);
        }
    }

    public async Task<JsonElement> InspectAsync(string nameOrId)
    {
        using var response = await Daemon.Api.GetAsync($"/v1.50/containers/{nameOrId}/json");
        Assert.True(response.IsSuccessStatusCode, Daemon.Describe($"inspect {nameOrId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="done"/> holds (no timing assertion: the deadline only stops a hang).</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        T value;
        do
        {
            value = await probe();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail(Daemon.Describe($"gave up waiting for {what}; last seen: {value}"));
        return value;
    }

    /// <summary>Everything the tracked containers could leave behind: mounts, cgroups, shims, runc state, files.</summary>
    public IReadOnlyList<string> Leftovers()
    {
        var left = new List<string>();
        left.AddRange(Harness.Mounts.FindUnder(Daemon.Sandbox).Select(m => "mount " + m));
        left.AddRange(StrayProcesses.FindUnder(Daemon.Sandbox).Where(pid => !Daemon.IsRunning || pid != Daemon.Pid).Select(pid => "process " + pid + " " + CommandLine(pid)));
        foreach (var directory in new[] { Path.Combine(Daemon.ExecRoot, "runc"), Path.Combine(Daemon.ExecRoot, "containers"), Path.Combine(Daemon.ExecRoot, "s"), Path.Combine(Daemon.DataRoot, "containers") })
        {
            if (Directory.Exists(directory))
            {
                left.AddRange(Directory.EnumerateFileSystemEntries(directory).Select(e => "file " + e));
            }
        }

        string[] ids;
        lock (_containerIds)
        {
            ids = [.. _containerIds];
        }

        foreach (var root in CgroupRoots.Where(Directory.Exists))
        {
            foreach (var controller in Directory.EnumerateDirectories(root))
            {
                var parent = Path.Combine(controller, "wharf");
                left.AddRange(ids.Select(id => Path.Combine(parent, id)).Where(Directory.Exists).Select(d => "cgroup " + d));
            }
        }

        return left;
    }

    public async Task AssertNothingLeftAsync()
    {
        var left = await EventuallyAsync(() => Task.FromResult(Leftovers()), l => l.Count == 0, "the containers' leftovers to go");
        Assert.Empty(left);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Daemon.IsRunning)
            {
                var all = await Docker.RunAsync("ps", "-aq", "--no-trunc");
                var ids = all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (ids.Length > 0)
                {
                    await Docker.RunAsync(["rm", "-f", .. ids]);
                }
            }
        }
        finally
        {
            await Daemon.DisposeAsync();
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
