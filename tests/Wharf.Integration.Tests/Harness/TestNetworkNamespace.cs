using System.Globalization;

namespace Wharf.Integration.Tests.Harness;

/// <summary>
/// A named network namespace (<c>/run/netns/wharft-PID-START-N</c>) for one test daemon, so that its bridge, nftables
/// table, veths and subnets never meet another daemon's. The name carries the test process's pid and start time:
/// namespaces of runs that died without cleaning up are recognised and swept by the next run.
/// </summary>
public sealed class TestNetworkNamespace
{
    public const string Prefix = "wharft-";

    private const string NetnsDirectory = "/run/netns";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly string OwnerTag = ProcessTag(Environment.ProcessId) ?? Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    private static readonly Lazy<Task> StaleSweep = new(SweepStaleAsync);
    private static int _counter;

    private TestNetworkNamespace(string name)
    {
        Name = name;
    }

    /// <summary>The name <c>ip netns</c> knows it by.</summary>
    public string Name { get; }

    /// <summary>The bind mount, for <c>nsenter --net=</c>.</summary>
    public string Path => System.IO.Path.Combine(NetnsDirectory, Name);

    /// <summary>Creates the namespace with loopback up (as a container engine's host namespace would have it).</summary>
    public static async Task<TestNetworkNamespace> CreateAsync()
    {
        await StaleSweep.Value;
        var name = $"{Prefix}{OwnerTag}-{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}";
        await RunIpAsync("netns", "add", name);
        var created = new TestNetworkNamespace(name);
        try
        {
            await RunIpAsync("-n", name, "link", "set", "lo", "up");
        }
        catch
        {
            await created.DeleteAsync();
            throw;
        }

        return created;
    }

    /// <summary>Runs a command inside the namespace (through nsenter, which execs it: no extra process stays around).</summary>
    public Task<ProcessResult> ExecAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout) =>
        ProcessRunner.RunAsync("nsenter", [$"--net={Path}", "--", fileName, .. arguments], timeout);

    /// <summary>Removes the name; the namespace itself dies with the last process or mount that still holds it.</summary>
    public async Task DeleteAsync()
    {
        if (!File.Exists(Path))
        {
            return;
        }

        var result = await ProcessRunner.RunAsync("ip", ["netns", "delete", Name], CommandTimeout);
        if (result.ExitCode != 0 && File.Exists(Path))
        {
            throw new InvalidOperationException(result.Describe($"ip netns delete {Name}"));
        }
    }

    /// <summary>Every <c>wharft-*</c> namespace of this machine, for leak checks.</summary>
    public static IReadOnlyList<string> ListAll() =>
        Directory.Exists(NetnsDirectory)
            ? [.. Directory.EnumerateFiles(NetnsDirectory, Prefix + "*").Select(System.IO.Path.GetFileName).OfType<string>()]
            : [];

    private static async Task SweepStaleAsync()
    {
        foreach (var name in ListAll())
        {
            // wharft-PID-STARTTIME-N: stale when no live process has that pid and start time.
            var parts = name[Prefix.Length..].Split('-');
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (ProcessTag(pid) == $"{parts[0]}-{parts[1]}")
            {
                continue;
            }

            await StaleSweepOneAsync(name);
        }
    }

    private static async Task StaleSweepOneAsync(string name)
    {
        // Best effort: a namespace another sweeper removed first, or one still busy, is no reason to fail a test.
        try
        {
            await ProcessRunner.RunAsync("ip", ["netns", "delete", name], CommandTimeout);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>"PID-STARTTIME" of a live process (start time in clock ticks since boot, field 22 of /proc/PID/stat), else null.</summary>
    private static string? ProcessTag(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' are plain.
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return afterName.Length > 19 ? $"{pid.ToString(CultureInfo.InvariantCulture)}-{afterName[19]}" : null;
    }

    private static async Task RunIpAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("ip", arguments, CommandTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe("ip " + string.Join(' ', arguments)));
        }
    }
}
