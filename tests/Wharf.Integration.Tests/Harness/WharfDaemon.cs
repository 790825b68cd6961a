using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Docker.DotNet;

namespace Wharf.Integration.Tests.Harness;

/// <summary>
/// A real wharfd in its own sandbox (<c>/tmp/wharf-it-XXXX/</c> with data/, exec/, wharf.sock, wharfd.pid, daemon.json
/// and wharfd.log), by default in a network namespace of its own (<see cref="TestNetworkNamespace"/>) so that its
/// bridge, nftables table and subnets never meet another daemon's; restarts stay in the same namespace. Disposing stops
/// it, kills whatever it left running in the sandbox, unmounts, deletes the namespace, keeps the log in
/// artifacts/test-logs and removes the sandbox.
/// </summary>
public sealed class WharfDaemon : IAsyncDisposable
{
    private const int LogTailLines = 200;

    private static readonly ConcurrentDictionary<string, int> LogNames = new();

    private readonly WharfDaemonOptions _options;
    private readonly ITestOutputHelper? _output;
    private readonly Lazy<RawApi> _api;
    private Process? _process;
    private TestNetworkNamespace? _networkNamespace;
    private bool _disposed;

    private WharfDaemon(string name, WharfDaemonOptions options, ITestOutputHelper? output)
    {
        _options = options;
        _output = output;
        Name = name;
        Sandbox = Directory.CreateTempSubdirectory("wharf-it-").FullName;
        if (Sandbox.Length > 80)
        {
            // sun_path holds 108 bytes; a long TMPDIR would make the socket unreachable.
            Directory.Delete(Sandbox);
            Sandbox = Path.Combine("/tmp", Path.GetFileName(Sandbox));
            Directory.CreateDirectory(Sandbox);
        }

        DataRoot = options.DataRoot ?? Directory.CreateDirectory(Path.Combine(Sandbox, "data")).FullName;
        ExecRoot = Directory.CreateDirectory(Path.Combine(Sandbox, "exec")).FullName;
        ClientConfigDirectory = Directory.CreateDirectory(Path.Combine(Sandbox, "client-config")).FullName;
        SocketPath = Path.Combine(Sandbox, "wharf.sock");
        PidFile = Path.Combine(Sandbox, "wharfd.pid");
        ConfigFile = Path.Combine(Sandbox, "daemon.json");
        LogPath = Path.Combine(Sandbox, "wharfd.log");
        File.WriteAllText(ConfigFile, options.DaemonJson);
        File.WriteAllText(LogPath, "");
        Arguments =
        [
            "-H", Host,
            "--data-root", DataRoot,
            "--exec-root", ExecRoot,
            "--pidfile", PidFile,
            "--config-file", ConfigFile,
            .. options.ExtraArgs,
        ];
        _api = new Lazy<RawApi>(() => new RawApi(SocketPath));
    }

    /// <summary>Test class and method by default; names the kept log.</summary>
    public string Name { get; }

    /// <summary>The private temp directory everything of this daemon lives in.</summary>
    public string Sandbox { get; }

    public string DataRoot { get; }

    public string ExecRoot { get; }

    public string SocketPath { get; }

    /// <summary>The -H value, <c>unix:///tmp/wharf-it-XXXX/wharf.sock</c>.</summary>
    public string Host => "unix://" + SocketPath;

    public string PidFile { get; }

    public string ConfigFile { get; }

    /// <summary>wharfd's stdout and stderr, appended across restarts, with harness notes in between.</summary>
    public string LogPath { get; }

    /// <summary>The DOCKER_CONFIG the CLI helpers use, so the user's ~/.docker never leaks in.</summary>
    public string ClientConfigDirectory { get; }

    /// <summary>wharfd's command line after the executable.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The process id of the current (or last) wharfd.</summary>
    public int Pid => _process?.Id ?? throw new InvalidOperationException("wharfd was never started.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The exit code of the last wharfd, once it exited.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    public string Log => ReadLog(0);

    /// <summary>A mark for <see cref="ReadLog"/>: what was logged after this point.</summary>
    public long LogLength => new FileInfo(LogPath).Length;

    public RawApi Api => _api.Value;

    /// <summary>The daemon's own network namespace; null with <see cref="WharfDaemonOptions.HostNetwork"/> or before the first start.</summary>
    public TestNetworkNamespace? NetworkNamespace => _networkNamespace;

    /// <summary>True when wharfd runs in the host's network namespace (<see cref="WharfDaemonOptions.HostNetwork"/>).</summary>
    public bool UsesHostNetwork => _options.HostNetwork;

    public DockerCli Docker => new(this);

    public WharfCli Wharf => new(this);

    /// <summary>Starts a daemon and waits until it answers /_ping; on failure the sandbox is cleaned and the log is in the exception.</summary>
    public static async Task<WharfDaemon> StartAsync(
        ITestOutputHelper? output = null,
        WharfDaemonOptions? options = null,
        [CallerMemberName] string caller = "",
        [CallerFilePath] string callerFile = "")
    {
        var daemon = Create(output, options, caller, callerFile);
        try
        {
            await daemon.StartAsync();
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>Prepares the sandbox without starting wharfd, for tests that expect it to refuse to start.</summary>
    public static WharfDaemon Create(
        ITestOutputHelper? output = null,
        WharfDaemonOptions? options = null,
        [CallerMemberName] string caller = "",
        [CallerFilePath] string callerFile = "")
    {
        options ??= new WharfDaemonOptions();
        var name = options.Name ?? $"{Path.GetFileNameWithoutExtension(callerFile)}.{caller}";
        var count = LogNames.AddOrUpdate(name, 1, (_, n) => n + 1);
        return new WharfDaemon(count == 1 ? name : $"{name}-{count}", options, output);
    }

    /// <summary>Starts wharfd and waits until it answers /_ping; throws with the log if it exits or stays silent.</summary>
    public async Task StartAsync()
    {
        await LaunchAsync();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _options.StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(Describe($"wharfd exited with code {_process.ExitCode} before answering /_ping"));
            }

            if (File.Exists(SocketPath) && await Api.TryPingAsync(TimeSpan.FromSeconds(1)))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException(Describe($"wharfd did not answer /_ping within {_options.StartTimeout}"));
    }

    /// <summary>Starts wharfd expecting it to give up on its own (bad config, taken data root); returns its exit code.</summary>
    public async Task<int> RunUntilExitAsync(TimeSpan timeout)
    {
        await LaunchAsync();
        using var overrun = new CancellationTokenSource(timeout);
        try
        {
            await _process!.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(Describe($"wharfd was expected to exit but still runs after {timeout}"));
        }

        return _process.ExitCode;
    }

    public Task SignalAsync(UnixSignal signal)
    {
        if (!IsRunning || !NativeMethods.SendSignal(Pid, signal))
        {
            throw new InvalidOperationException(Describe($"cannot send {signal}: wharfd is not running"));
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for wharfd to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("wharfd was never started.");
        using var overrun = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(Describe($"wharfd did not exit within {timeout}"));
        }

        return process.ExitCode;
    }

    /// <summary>SIGTERM and wait; SIGKILL after the stop timeout (noted in the log). Returns the exit code (137 when killed).</summary>
    public async Task<int> StopAsync()
    {
        var process = _process ?? throw new InvalidOperationException("wharfd was never started.");
        if (process.HasExited)
        {
            return process.ExitCode;
        }

        NativeMethods.SendSignal(process.Id, UnixSignal.Term);
        using var overrun = new CancellationTokenSource(_options.StopTimeout);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            Note($"wharfd did not exit within {_options.StopTimeout} of SIGTERM; sending SIGKILL");
            return await KillAsync();
        }

        return process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash would; returns the exit code (137).</summary>
    public async Task<int> KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("wharfd was never started.");
        if (!process.HasExited)
        {
            NativeMethods.SendSignal(process.Id, UnixSignal.Kill);
        }

        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Stops wharfd (if running) and starts it again on the same sandbox and data root.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            await StopAsync();
        }

        Note("restarting wharfd");
        await StartAsync();
    }

    public string ReadLog(long from)
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public string LogTail(int lines = LogTailLines)
    {
        var all = Log.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>A message that carries what a failure needs: the daemon's state and the end of its log.</summary>
    public string Describe(string message) =>
        $"{message}\n--- wharfd {Name}: sandbox {Sandbox}, netns {_networkNamespace?.Name ?? "host"}, pid {_process?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, "
        + $"exit code {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, log {LogPath} (last {LogTailLines} lines) ---\n{LogTail()}";

    /// <summary>
    /// Runs a command where wharfd's networking is: inside its network namespace (through nsenter), or on the host with
    /// <see cref="WharfDaemonOptions.HostNetwork"/>. For reaching published ports, bridges and containers from "the host".
    /// </summary>
    public Task<ProcessResult> ExecInNetworkNamespaceAsync(string fileName, params string[] arguments) =>
        ExecInNetworkNamespaceAsync(TimeSpan.FromSeconds(60), fileName, arguments);

    /// <inheritdoc cref="ExecInNetworkNamespaceAsync(string, string[])"/>
    public async Task<ProcessResult> ExecInNetworkNamespaceAsync(TimeSpan timeout, string fileName, params string[] arguments)
    {
        if (_options.HostNetwork)
        {
            return await ProcessRunner.RunAsync(fileName, arguments, timeout);
        }

        var networkNamespace = _networkNamespace ?? throw new InvalidOperationException("wharfd was never started: it has no network namespace yet.");
        return await networkNamespace.ExecAsync(fileName, arguments, timeout);
    }

    /// <summary>Docker.DotNet over this daemon's socket; pass a version to pin the API version it sends.</summary>
    public DockerClient CreateDockerClient(Version? apiVersion = null) => DockerClients.Create(SocketPath, apiVersion);

    /// <summary>Copies the daemon's log into a (shared-daemon) test's output for the lifetime of the scope.</summary>
    public DaemonLogScope CaptureLog(ITestOutputHelper output) => new(this, output);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var problems = new List<Exception>();
        await Attempt(problems, async () =>
        {
            if (IsRunning)
            {
                await StopAsync();
            }
        });
        await Attempt(problems, () =>
        {
            var strays = StrayProcesses.KillUnder(Sandbox, TimeSpan.FromSeconds(10));
            if (strays.Count > 0)
            {
                Note($"killed processes left in the sandbox: {string.Join(", ", strays)}");
            }

            return Task.CompletedTask;
        });
        await Attempt(problems, () =>
        {
            // A borrowed data root lies outside the sandbox and stays its owner's business.
            Mounts.UnmountUnder(Sandbox);
            return Task.CompletedTask;
        });
        await Attempt(problems, async () =>
        {
            // Last: the containers that lived in nested namespaces are gone, so no veth peer keeps anything alive.
            if (_networkNamespace is not null)
            {
                await _networkNamespace.DeleteAsync();
            }
        });
        await Attempt(problems, () =>
        {
            KeepLog();
            return Task.CompletedTask;
        });
        await Attempt(problems, () => DeleteSandboxAsync());
        if (_api.IsValueCreated)
        {
            _api.Value.Dispose();
        }

        _process?.Dispose();
        if (problems.Count > 0)
        {
            throw new AggregateException($"Cleaning up wharfd sandbox {Sandbox} failed.", problems);
        }
    }

    private async Task LaunchAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("wharfd is already running.");
        }

        if (!_options.HostNetwork && _networkNamespace is null)
        {
            _networkNamespace = await TestNetworkNamespace.CreateAsync();
            Note($"network namespace {_networkNamespace.Name}");
        }

        _process?.Dispose();
        // The shell only redirects and then execs, and nsenter (entering only a network namespace) execs too, so the
        // pid is wharfd's; a log file (not a pipe) means children that inherit stdio can never keep the harness
        // waiting for EOF.
        string[] command = _networkNamespace is { } networkNamespace
            ? ["nsenter", $"--net={networkNamespace.Path}", "--", WharfBinaries.Daemon, .. Arguments]
            : [WharfBinaries.Daemon, .. Arguments];
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1", "wharf-it", LogPath, .. command])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start wharfd.");
    }

    private void Note(string message) =>
        File.AppendAllText(LogPath, $"--- harness {DateTime.UtcNow:O}: {message} ---\n");

    private void KeepLog()
    {
        var log = Log;
        TestOutput.TryWrite(_output, $"--- wharfd log ({Name}, exit code {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}) ---\n{log}");
        Directory.CreateDirectory(RepoPaths.TestLogs);
        File.WriteAllText(Path.Combine(RepoPaths.TestLogs, Name + ".log"), log);
    }

    private async Task DeleteSandboxAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Sandbox, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (attempt < 5 && e is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static async Task Attempt(List<Exception> problems, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            problems.Add(e);
        }
    }
}
