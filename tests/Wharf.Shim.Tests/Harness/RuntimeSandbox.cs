using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Wharf.Engine.Runtime;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests.Harness;

/// <summary>
/// One test's world: a temp dir (<c>/tmp/wharf-shim-XXXXXX</c>) with an exec root, a runc root and a busybox rootfs,
/// and a <see cref="ShimRuntime"/> on them. Disposing it stops what still runs and then checks that nothing is
/// left: no shim process, no runc state, no cgroup, no socket. Anything found is removed and fails the test.
/// </summary>
public sealed class RuntimeSandbox : IAsyncDisposable
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;
    private readonly List<IRuntimeTask> _tasks = [];
    private readonly List<string> _ids = [];

    public RuntimeSandbox(ITestOutputHelper output)
    {
        _output = output;
        Root = Directory.CreateTempSubdirectory("wharf-shim-").FullName;
        ExecRoot = Path.Combine(Root, "exec");
        RuncRoot = Path.Combine(Root, "runc");
        Rootfs = Path.Combine(Root, "rootfs");
        BusyboxRootfs.Create(Rootfs);
        Runtime = NewRuntime();
    }

    public string Root { get; }

    public string ExecRoot { get; }

    public string RuncRoot { get; }

    public string Rootfs { get; }

    public ShimRuntime Runtime { get; }

    /// <summary>Another runtime on the same roots, as a restarted wharfd would build it.</summary>
    public ShimRuntime NewRuntime() => new(ExecRoot, RuncRoot, "/usr/sbin/runc", ShimBinary.Path);

    public static string NewId() => RandomNumberGenerator.GetHexString(64, lowercase: true);

    /// <summary>Directly under each hierarchy's root, so that runc's own removal leaves nothing (no parent dirs).</summary>
    public static string CgroupsPath(string id) => "/wharf-shim-test-" + id[..16];

    public static string MemoryCgroup(string id) => "/sys/fs/cgroup/memory" + CgroupsPath(id);

    public string LogPath(string id) => Path.Combine(Root, "logs", id, id + "-json.log");

    public string StateDirectory(string id) => ShimPaths.StateDirectory(ExecRoot, id);

    /// <summary>Writes the bundle (config.json in the container's state dir, as the engine does) and returns its dir.</summary>
    public string WriteBundle(string id, IReadOnlyList<string> args, bool tty = false, Action<JsonObject>? patch = null)
    {
        var spec = OciSpecTemplate.Create();
        spec["root"] = new JsonObject { ["path"] = Rootfs, ["readonly"] = true };
        var process = spec["process"]!.AsObject();
        process["args"] = new JsonArray([.. args.Select(a => (JsonNode)JsonValue.Create(a))]);
        process["terminal"] = tty;
        if (tty)
        {
            process["consoleSize"] = new JsonObject { ["height"] = 24, ["width"] = 80 };
        }

        spec["hostname"] = "shimtest";
        spec["linux"]!["cgroupsPath"] = CgroupsPath(id);
        patch?.Invoke(spec);
        var bundle = StateDirectory(id);
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "config.json"), spec.ToJsonString());
        _ids.Add(id);
        return bundle;
    }

    public ContainerStartSpec Spec(string id, string bundle, bool tty = false, bool openStdin = false, bool stdinOnce = false, LogSpec? log = null) =>
        new(id, bundle, tty, openStdin, stdinOnce, log ?? JsonLog(id), MemoryCgroup(id), tty ? 24 : null, tty ? 80 : null);

    public LogSpec JsonLog(string id, IReadOnlyDictionary<string, string>? options = null) =>
        new(LogDrivers.JsonFile, LogPath(id), options ?? new Dictionary<string, string>());

    /// <summary>Writes a bundle for <paramref name="args"/> and starts it.</summary>
    public async Task<(string Id, IRuntimeTask Task)> StartAsync(
        IReadOnlyList<string> args,
        bool tty = false,
        bool openStdin = false,
        bool stdinOnce = false,
        LogSpec? log = null,
        Action<JsonObject>? patch = null)
    {
        var id = NewId();
        var bundle = WriteBundle(id, args, tty, patch);
        var task = await Runtime.StartAsync(Spec(id, bundle, tty, openStdin, stdinOnce, log), CancellationToken.None);
        Track(task);
        return (id, task);
    }

    public void Track(IRuntimeTask task) => _tasks.Add(task);

    /// <summary>The pid of the shim serving <paramref name="id"/> (from its pid file), or null when none runs.</summary>
    public int? ShimPid(string id)
    {
        var file = Path.Combine(StateDirectory(id), ShimPaths.ShimPidFile);
        return File.Exists(file) && int.TryParse(File.ReadAllText(file), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Shim processes started for this sandbox that still exist (zombies excluded).</summary>
    public IReadOnlyList<int> LiveShims()
    {
        var needle = "\0" + ShimPaths.SocketDirectory(ExecRoot) + "/";
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                var status = File.ReadAllText(Path.Combine(directory, "stat"));
                var state = status[(status.LastIndexOf(')') + 2)..][0];
                if (commandLine.Contains(needle, StringComparison.Ordinal) && commandLine.Contains(ShimBinary.Name, StringComparison.Ordinal) && state != 'Z')
                {
                    pids.Add(pid);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                // The process ended while being looked at.
            }
        }

        return pids;
    }

    /// <summary>Waits (bounded) until no shim of this sandbox is left; true when none is.</summary>
    public async Task<bool> WaitForNoShimsAsync()
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (LiveShims().Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        var leaks = new List<string>();
        foreach (var task in _tasks)
        {
            if (task.Exited.IsCanceled)
            {
                // Disposed by the test on purpose (a wharfd that went away); its shim is checked below.
                continue;
            }

            if (!task.Exited.IsCompleted)
            {
                try
                {
                    await task.SignalAsync(ProcessControl.SignalKill, CancellationToken.None);
                }
                catch (Exception exception) when (exception is Wharf.Engine.Errors.EngineException or IOException)
                {
                    // It ended meanwhile.
                }
            }

            try
            {
                await task.Exited.WaitAsync(SettleTimeout);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                leaks.Add($"container {task.ContainerId} did not exit");
            }

            await task.DisposeAsync();
        }

        if (!await WaitForNoShimsAsync())
        {
            foreach (var pid in LiveShims())
            {
                leaks.Add($"shim process {pid} still running");
                ProcessControl.SendSignal(pid, ProcessControl.SignalKill);
            }
        }

        if (Directory.Exists(RuncRoot))
        {
            foreach (var state in Directory.EnumerateDirectories(RuncRoot))
            {
                var id = Path.GetFileName(state);
                leaks.Add($"runc state left for {id}");
                using var delete = Process.Start("/usr/sbin/runc", ["--root", RuncRoot, "delete", "--force", id]);
                delete.WaitForExit();
            }
        }

        foreach (var id in _ids)
        {
            foreach (var hierarchy in Directory.EnumerateDirectories("/sys/fs/cgroup"))
            {
                var cgroup = hierarchy + CgroupsPath(id);
                if (Directory.Exists(cgroup))
                {
                    leaks.Add($"cgroup left: {cgroup}");
                    _ = DirectoryRemoval.TryRemove(cgroup);
                }
            }
        }

        var sockets = ShimPaths.SocketDirectory(ExecRoot);
        if (Directory.Exists(sockets))
        {
            leaks.AddRange(Directory.EnumerateFileSystemEntries(sockets).Select(s => $"socket left: {s}"));
        }

        foreach (var id in _ids)
        {
            var shimLog = Path.Combine(StateDirectory(id), ShimPaths.ShimLogFile);
            if (File.Exists(shimLog))
            {
                _output.WriteLine($"--- shim.log of {id[..12]} ---\n{await File.ReadAllTextAsync(shimLog)}");
            }
        }

        Directory.Delete(Root, recursive: true);
        if (leaks.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("left behind:\n" + string.Join('\n', leaks));
        }
    }
}
