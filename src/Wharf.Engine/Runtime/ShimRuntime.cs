using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wharf.Engine.Errors;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>
/// <see cref="IContainerRuntime"/> through one <c>wharf-shim</c> per container. Runtime files live under the exec
/// root (<c>containers/&lt;id&gt;/</c> for the bundle, pid files, runc log and exit file; <c>s/</c> for the shims'
/// sockets); runc keeps its own state under <paramref name="runcRoot"/>.
/// </summary>
public sealed class ShimRuntime : IContainerRuntime
{
    private readonly string _execRoot;
    private readonly string _runcRoot;
    private readonly string _runcPath;
    private readonly string _shimPath;
    private readonly RuncCommand _runc;

    /// <param name="execRoot">wharfd's exec root (e.g. /run/wharf).</param>
    /// <param name="runcRoot">runc's <c>--root</c> (e.g. /run/wharf/runc).</param>
    /// <param name="runcPath">The OCI runtime binary.</param>
    /// <param name="shimPath">wharf-shim; by default the one next to the running executable, else on PATH.</param>
    public ShimRuntime(string execRoot, string runcRoot, string runcPath = "/usr/sbin/runc", string? shimPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(execRoot);
        ArgumentException.ThrowIfNullOrEmpty(runcRoot);
        _execRoot = Path.GetFullPath(execRoot);
        _runcRoot = Path.GetFullPath(runcRoot);
        _runcPath = runcPath;
        _shimPath = shimPath ?? ShimBinary.Locate();
        _runc = new RuncCommand(runcPath, _runcRoot);
    }

    public async Task<IRuntimeTask> StartAsync(ContainerStartSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ValidateId(spec.Id);
        var stateDirectory = ShimPaths.StateDirectory(_execRoot, spec.Id);
        var socketPath = ShimPaths.SocketPath(_execRoot, spec.Id);
        // Root only: the bundle and the exec process files carry the container's environment.
        CreatePrivateDirectory(stateDirectory);
        CreatePrivateDirectory(ShimPaths.SocketDirectory(_execRoot));
        CreatePrivateDirectory(_runcRoot);
        if (await IsServedAsync(socketPath, spec.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new EngineException(ErrorKind.Conflict, $"container {spec.Id} is already running");
        }

        // A restart reuses the state dir: an old exit must not be mistaken for the new run's.
        File.Delete(Path.Combine(stateDirectory, ShimPaths.ExitFile));
        var arguments = new ShimArguments
        {
            Id = spec.Id,
            BundleDirectory = spec.BundleDirectory,
            StateDirectory = stateDirectory,
            SocketPath = socketPath,
            RuntimePath = _runcPath,
            RuntimeRoot = _runcRoot,
            Tty = spec.Tty,
            OpenStdin = spec.OpenStdin,
            StdinOnce = spec.StdinOnce,
            ReplayToFirstAttach = spec.ReplayToFirstAttach,
            LogDriver = spec.Log.Driver,
            LogPath = spec.Log.Driver == LogDrivers.None ? "" : spec.Log.Path,
            LogOptions = spec.Log.Options,
            MemoryCgroupPath = spec.MemoryCgroupPath,
            Height = spec.InitialHeight ?? 0,
            Width = spec.InitialWidth ?? 0,
        };
        var start = new ProcessStartInfo(_shimPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        Process shim;
        try
        {
            shim = Process.Start(start) ?? throw new EngineException(ErrorKind.Unavailable, $"cannot start {_shimPath}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new EngineException(ErrorKind.Unavailable, $"cannot start {_shimPath}: {exception.Message}", exception);
        }

        // The shim points its stdio at /dev/null once it reported, which ends this read.
        var stderr = shim.StandardError.ReadToEndAsync(CancellationToken.None);
        ShimResponse? report = null;
        try
        {
            var line = await shim.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is not null)
            {
                report = ShimMessages.DecodeResponse(System.Text.Encoding.UTF8.GetBytes(line));
            }
        }
        catch (JsonException)
        {
            report = null;
        }
        catch (OperationCanceledException)
        {
            // Whatever the shim started must not outlive the cancelled start.
            KillQuietly(shim);
            await shim.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            shim.Dispose();
            await CleanupAsync(spec.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (report is null || report.Error is not null || report.Pid <= 0)
        {
            await shim.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            var exitCode = shim.ExitCode;
            shim.Dispose();
            if (report?.Error is { } error)
            {
                // containerd's wording around runc's message, as docker run prints it.
                throw new EngineException(
                    ErrorKind.InvalidParameter,
                    $"failed to create task for container: failed to create shim task: OCI runtime create failed: {error}: unknown");
            }

            var output = (await stderr.ConfigureAwait(false)).Trim();
            throw new EngineException(ErrorKind.Internal, string.Create(CultureInfo.InvariantCulture, $"wharf-shim exited with status {exitCode}: {output}"));
        }

        var task = new ShimTask(spec.Id, report.Pid, socketPath, () => ReadRecordedExit(spec.Id), shim);
        await task.StartWaitingAsync(CancellationToken.None).ConfigureAwait(false);
        return task;
    }

    public async Task<IRuntimeTask?> ReconnectAsync(string containerId, CancellationToken cancellationToken)
    {
        ValidateId(containerId);
        var socketPath = ShimPaths.SocketPath(_execRoot, containerId);
        if (!File.Exists(socketPath))
        {
            return null;
        }

        ShimResponse status;
        try
        {
            var connection = await ShimClientConnection.ConnectAsync(socketPath, containerId, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                status = await connection.RequestAsync(new ShimRequest { Op = ShimOperations.Status }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is EngineException or IOException or System.Net.Sockets.SocketException)
        {
            return null;
        }

        var task = new ShimTask(containerId, status.Pid, socketPath, () => ReadRecordedExit(containerId), shimProcess: null);
        try
        {
            await task.StartWaitingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException)
        {
            // It ended between the two connections; the exit file tells how.
            return null;
        }

        return task;
    }

    public RuntimeExit? ReadRecordedExit(string containerId)
    {
        ValidateId(containerId);
        var path = Path.Combine(ShimPaths.StateDirectory(_execRoot, containerId), ShimPaths.ExitFile);
        try
        {
            var record = ShimMessages.DecodeExitRecord(File.ReadAllBytes(path));
            var finishedAt = GoTime.TryParseRfc3339Nano(record.FinishedAt, out var nanoseconds)
                ? GoTime.FromUnixNanoseconds(nanoseconds)
                : DateTimeOffset.UnixEpoch;
            return new RuntimeExit(record.ExitCode, finishedAt, record.OomKilled);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public async Task CleanupAsync(string containerId, CancellationToken cancellationToken)
    {
        ValidateId(containerId);
        if (Directory.Exists(Path.Combine(_runcRoot, containerId)))
        {
            var (exitCode, error) = await _runc.TryRunAsync(["delete", "--force", containerId], null, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0 && Directory.Exists(Path.Combine(_runcRoot, containerId)))
            {
                throw new EngineException(ErrorKind.Internal, $"runc delete {containerId}: {error}");
            }
        }

        var socketPath = ShimPaths.SocketPath(_execRoot, containerId);
        DeleteQuietly(socketPath);
        var socketDirectory = ShimPaths.SocketDirectory(_execRoot);
        var consolePrefix = Path.GetFileName(ShimPaths.ConsoleSocketPath(socketPath, ""));
        if (Directory.Exists(socketDirectory))
        {
            foreach (var console in Directory.EnumerateFiles(socketDirectory, consolePrefix + "*"))
            {
                DeleteQuietly(console);
            }
        }

        StateDirectoryRemover.Remove(ShimPaths.StateDirectory(_execRoot, containerId));
    }

    public IReadOnlyList<string> ListStates()
    {
        var containers = Path.Combine(_execRoot, "containers");
        return Directory.Exists(containers)
            ? [.. Directory.EnumerateDirectories(containers).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    public Task PauseAsync(string containerId, CancellationToken cancellationToken)
    {
        ValidateId(containerId);
        return _runc.RunAsync(["pause", containerId], null, cancellationToken);
    }

    public Task ResumeAsync(string containerId, CancellationToken cancellationToken)
    {
        ValidateId(containerId);
        return _runc.RunAsync(["resume", containerId], null, cancellationToken);
    }

    public Task UpdateAsync(string containerId, string linuxResourcesJson, CancellationToken cancellationToken)
    {
        ValidateId(containerId);
        ArgumentNullException.ThrowIfNull(linuxResourcesJson);
        return _runc.RunAsync(["update", "-r", "-", containerId], linuxResourcesJson, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> ListPidsAsync(string containerId, CancellationToken cancellationToken)
    {
        ValidateId(containerId);
        var cgroup = RuncStateFile.TryRead(_runcRoot, containerId)?.ProcessCgroup()
            ?? throw new EngineException(ErrorKind.Conflict, $"container {containerId} is not running");
        string content;
        try
        {
            content = await File.ReadAllTextAsync(Path.Combine(cgroup, "cgroup.procs"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
        {
            throw new EngineException(ErrorKind.Conflict, $"container {containerId} is not running", exception);
        }

        var pids = new List<int>();
        foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                pids.Add(pid);
            }
        }

        pids.Sort();
        return pids;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            Wharf.Linux.FileNodes.ChangeMode(path, 0x1C0);
        }
    }

    /// <summary>Whether a shim answers on the socket (a second start must not steal a running shim's socket).</summary>
    private static async Task<bool> IsServedAsync(string socketPath, string containerId, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            var connection = await ShimClientConnection.ConnectAsync(socketPath, containerId, cancellationToken).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            return true;
        }
        catch (EngineException)
        {
            return false;
        }
    }

    /// <summary>Ids become path names: anything that could leave the exec root is a bug upstream.</summary>
    private static void ValidateId(string containerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        if (containerId.Contains('/', StringComparison.Ordinal) || containerId is "." or ".." || containerId.Contains('\0', StringComparison.Ordinal))
        {
            throw new EngineException(ErrorKind.InvalidParameter, $"invalid container id: {containerId}");
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited already.
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Cleanup is best effort per file; the state dir removal below reports real problems.
        }
    }
}
