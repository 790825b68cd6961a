using System.Diagnostics;
using System.Globalization;
using Wharf.Engine.Runtime;
using Wharf.Linux;
using Wharf.Shim.Tests.Harness;

namespace Wharf.Shim.Tests;

/// <summary>
/// Figures to watch rather than assertions (no timed assertions): the idle shim's RSS and the time from StartAsync
/// to Exited for <c>true</c>. They are printed in the test output.
/// </summary>
public sealed class ShimMeasurementTests
{
    private readonly ITestOutputHelper _output;

    public ShimMeasurementTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [RootFact]
    public async Task IdleShimResidentMemory()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var (id, task) = await sandbox.StartAsync(["sleep", "1000"]);
        await using (await task.AttachAsync(false, true, true, CancellationToken.None))
        {
            var pid = sandbox.ShimPid(id) ?? throw new InvalidOperationException("no shim pid file");
            var rss = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var threads = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            _output.WriteLine($"idle shim with a running container and one attached client: {rss}, {threads}");
        }

        await task.SignalAsync(ProcessControl.SignalKill, CancellationToken.None);
        await task.Exited.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [RootFact]
    public async Task StartToExitOfTrue()
    {
        await using var sandbox = new RuntimeSandbox(_output);
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var id = RuntimeSandbox.NewId();
            var bundle = sandbox.WriteBundle(id, ["true"]);
            var spec = sandbox.Spec(id, bundle, log: new LogSpec("json-file", sandbox.LogPath(id), new Dictionary<string, string>()));
            var watch = Stopwatch.StartNew();
            var task = await sandbox.Runtime.StartAsync(spec, CancellationToken.None);
            var exit = await task.Exited.WaitAsync(TimeSpan.FromSeconds(60));
            watch.Stop();
            sandbox.Track(task);
            Assert.Equal(0, exit.ExitCode);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"StartAsync → Exited for true, 20 runs: median {times[10]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms"));
    }
}
