using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Content;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;
using Wharf.Linux;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>dockerd's exitUnknown: a start that failed for another reason than a missing or non-executable command.</summary>
    private const int ExitUnknown = 128;

    private static readonly string[] InitBinaries = ["/usr/bin/docker-init", "/usr/local/bin/docker-init", "/usr/libexec/docker/docker-init", "/usr/bin/tini-static"];

    public async Task StartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        await entry.Operations.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = entry.Record.State;
            if (state.Paused)
            {
                throw EngineException.Conflict("cannot start a paused container, try unpause instead");
            }

            if (state.Running)
            {
                throw new EngineException(ErrorKind.NotModified, "container already started");
            }

            if (entry.RemovalInProgress || entry.Removed || state.Dead)
            {
                throw EngineException.Conflict("container is marked for removal and cannot be started");
            }

            await StartCoreAsync(entry, manual: true).ConfigureAwait(false);
        }
        finally
        {
            entry.Operations.Release();
        }
    }

    /// <summary>
    /// Starts a run; the caller holds the entry's operation lock. A manual start (not one by the restart policy)
    /// starts the restart manager and RestartCount over. On failure the container records the error and an exit code
    /// (127 command not found, 126 not executable, else 128), and nothing of the attempt stays mounted or running.
    /// </summary>
    private async Task StartCoreAsync(ContainerEntry entry, bool manual)
    {
        var record = entry.Record;
        if (manual)
        {
            lock (entry.Gate)
            {
                entry.PendingRestart?.Cancel();
                entry.PendingRestart = null;
                entry.Restart = new RestartManager(record.HostConfig.RestartPolicy);
            }
        }

        ContainerSpecContext context;
        IRuntimeTask task;
        var rootfsHeld = false;
        var shmMounted = false;
        var networkUp = false;
        try
        {
            var rootfs = AcquireRootfs(entry);
            rootfsHeld = true;
            shmMounted = MountShm(record);
            SetUpNetwork(entry);
            networkUp = true;
            context = BuildSpecContext(record, rootfs);
            var spec = _specs.BuildSpec(context);
            var bundle = _paths.BundleDirectory(record.Id);
            Directory.CreateDirectory(bundle);
            WriteBytesAtomically(Path.Combine(bundle, "config.json"), spec);
            var log = LogSpecOf(record);
            if (log.Path.Length > 0)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(log.Path)!);
            }

            bool replay;
            lock (entry.Gate)
            {
                replay = entry.PendingAttaches.Count > 0;
            }

            var consoleSize = record.HostConfig.ConsoleSize;
            var hasConsoleSize = consoleSize is { Count: 2 } && consoleSize[0] > 0 && consoleSize[1] > 0;
            var startSpec = new ContainerStartSpec(
                record.Id,
                bundle,
                record.Config.Tty,
                record.Config.OpenStdin,
                record.Config.StdinOnce,
                log,
                MemoryCgroupPath(record),
                hasConsoleSize ? consoleSize![0] : null,
                hasConsoleSize ? consoleSize![1] : null,
                replay);

            // A start is not abandoned halfway because its client went away: the runtime either runs it or cleans up.
            task = await _runtime.StartAsync(startSpec, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EngineException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            var (exitCode, message, kind) = StartFailure(record, e);
            Mutate(entry, r => r with
            {
                State = r.State with { Error = message, ExitCode = exitCode != ExitUnknown || r.State.ExitCode == 0 ? exitCode : r.State.ExitCode },
                RestartCount = manual ? 0 : r.RestartCount,
            });
            if (shmMounted)
            {
                ContainerRootfs.UnmountAll(_paths.ShmDirectory(record.Id));
            }

            if (rootfsHeld)
            {
                ReleaseRootfs(entry);
            }

            await CleanupRuntimeAsync(record.Id).ConfigureAwait(false);
            if (networkUp)
            {
                TearDownNetwork(entry);
            }

            if (manual && record.HostConfig.AutoRemove)
            {
                RunInBackground(() => AutoRemoveAsync(entry));
            }

            throw new EngineException(kind, message, e);
        }

        var startedAt = _time.GetUtcNow();
        var started = Mutate(entry, r => r with
        {
            State = r.State with
            {
                Running = true,
                Paused = false,
                Restarting = false,
                Pid = task.Pid,
                ExitCode = 0,
                Error = "",
                StartedAt = startedAt,
            },
            RestartCount = manual ? 0 : r.RestartCount,
            HasBeenStartedBefore = true,
            HasBeenManuallyStopped = false,
            LogPath = r.HostConfig.LogConfig.Type == LogConfigRules.JsonFile ? _paths.JsonLogFile(r.Id) : "",
        });
        List<PendingAttach> attaches;
        lock (entry.Gate)
        {
            entry.Task = task;
            entry.SpecContext = context;
            entry.ManuallyRestarted = false;
            attaches = [.. entry.PendingAttaches];
            entry.PendingAttaches.Clear();
        }

        _ = MonitorAsync(entry, task);
        foreach (var attach in attaches)
        {
            try
            {
                attach.Stream.TrySetResult(await task.AttachAsync(attach.Stdin, attach.Stdout, attach.Stderr, CancellationToken.None).ConfigureAwait(false));
            }
            catch (Exception e) when (e is EngineException or IOException or ObjectDisposedException)
            {
                attach.Stream.TrySetException(e);
            }
        }

        Publish(started, "start");
        var view = ToView(entry);
        Notify(o => o.OnStarted(view));
    }

    /// <summary>moby's translateContainerdStartErr: the exit code and API error a failed start gets.</summary>
    private static (int ExitCode, string Message, ErrorKind Kind) StartFailure(ContainerRecord record, Exception error)
    {
        var message = error.Message;
        var lower = message.ToLowerInvariant();
        var kind = error is EngineException engine ? engine.Kind : ErrorKind.Internal;
        if (lower.Contains(record.Path.ToLowerInvariant(), StringComparison.Ordinal)
            && (lower.Contains("no such file or directory", StringComparison.Ordinal) || lower.Contains("executable file not found", StringComparison.Ordinal)))
        {
            return (127, message, ErrorKind.InvalidParameter);
        }

        if (lower.Contains("permission denied", StringComparison.Ordinal))
        {
            return (126, message, ErrorKind.InvalidParameter);
        }

        if (lower.Contains("not a directory", StringComparison.Ordinal))
        {
            return (127, message + ": Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type", ErrorKind.InvalidParameter);
        }

        return (ExitUnknown, message, kind);
    }

    private ContainerSpecContext BuildSpecContext(ContainerRecord record, string rootfs)
    {
        var hostConfig = record.HostConfig;
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostnamePath = _paths.HostnameFile(record.Id);
        var hostsPath = _paths.HostsFile(record.Id);
        var resolvConfPath = _paths.ResolvConfFile(record.Id);
        if (hostConfig.NetworkMode.StartsWith("container:", StringComparison.Ordinal))
        {
            var donor = RunningDonor(hostConfig.NetworkMode, "network");
            namespaces["network"] = $"/proc/{donor.State.Pid.ToString(CultureInfo.InvariantCulture)}/ns/net";
            hostnamePath = _paths.HostnameFile(donor.Id);
            hostsPath = _paths.HostsFile(donor.Id);
            resolvConfPath = _paths.ResolvConfFile(donor.Id);
        }
        else if (_sandboxes is not null && UsesSandbox(hostConfig))
        {
            namespaces["network"] = _sandboxes.NamespacePath(record.Id);
        }

        string? shmPath = null;
        if (hostConfig.IpcMode.StartsWith("container:", StringComparison.Ordinal))
        {
            var donor = RunningDonor(hostConfig.IpcMode, "IPC");
            if (donor.HostConfig.IpcMode is not ("shareable" or "host"))
            {
                throw EngineException.InvalidParameter("non-shareable IPC (hint: use IpcMode:shareable for the donor container)");
            }

            namespaces["ipc"] = $"/proc/{donor.State.Pid.ToString(CultureInfo.InvariantCulture)}/ns/ipc";
            shmPath = donor.HostConfig.IpcMode == "host" ? "/dev/shm" : _paths.ShmDirectory(donor.Id);
        }
        else if (hostConfig.IpcMode == "shareable")
        {
            shmPath = _paths.ShmDirectory(record.Id);
        }
        else if (hostConfig.IpcMode == "host")
        {
            shmPath = "/dev/shm";
        }

        if (hostConfig.PidMode.StartsWith("container:", StringComparison.Ordinal))
        {
            var donor = RunningDonor(hostConfig.PidMode, "PID");
            namespaces["pid"] = $"/proc/{donor.State.Pid.ToString(CultureInfo.InvariantCulture)}/ns/pid";
        }

        var init = hostConfig.Init ?? _options.Init;
        var securityOptions = hostConfig.SecurityOpt ?? [];
        if (_options.NoNewPrivileges && !securityOptions.Any(o => o.StartsWith("no-new-privileges", StringComparison.Ordinal)))
        {
            securityOptions = [.. securityOptions, "no-new-privileges:true"];
        }

        var effective = hostConfig with
        {
            Init = init,
            Ulimits = MergeUlimits(hostConfig.Ulimits),
            SecurityOpt = securityOptions.Count == 0 ? hostConfig.SecurityOpt : securityOptions,
        };
        return new ContainerSpecContext(
            record.Id,
            record.Config,
            effective,
            rootfs,
            hostnamePath,
            hostsPath,
            resolvConfPath,
            CgroupsPath(record),
            namespaces,
            shmPath,
            init ? FindInit() : null,
            []);
    }

    private ContainerRecord RunningDonor(string mode, string what)
    {
        var donor = Resolve(mode[(mode.IndexOf(':', StringComparison.Ordinal) + 1)..]).Record;
        if (!donor.State.Running || donor.State.Restarting || donor.State.Pid == 0)
        {
            // dockerd 25+ words the network case differently from the IPC and PID ones.
            throw EngineException.Conflict(what == "network"
                ? $"cannot join network namespace of a non running container: container {donor.Name.TrimStart('/')} is {ContainerStatusText.StateWord(donor.State, false)}"
                : $"cannot join {what} of a non running container: {donor.Id}");
        }

        return donor;
    }

    /// <summary>dockerd's mergeUlimits: the daemon's defaults for the names the container does not set.</summary>
    private List<Ulimit>? MergeUlimits(IReadOnlyList<Ulimit>? own)
    {
        if (_options.Ulimits.Count == 0)
        {
            return own?.ToList();
        }

        var merged = own?.ToList() ?? [];
        foreach (var limit in _options.Ulimits)
        {
            if (!merged.Any(u => u.Name == limit.Name))
            {
                merged.Add(limit);
            }
        }

        return merged;
    }

    private string? FindInit()
    {
        if (_options.InitPath is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return InitBinaries.FirstOrDefault(File.Exists);
    }

    /// <summary>A shareable IPC namespace keeps its /dev/shm on a tmpfs in the container's dir, for others to join.</summary>
    private bool MountShm(ContainerRecord record)
    {
        if (record.HostConfig.IpcMode != "shareable")
        {
            return false;
        }

        var directory = _paths.ShmDirectory(record.Id);
        Directory.CreateDirectory(directory);
        if (!MountTable.IsMountPoint(directory))
        {
            Mounts.Mount("shm", directory, "tmpfs", 0x2 | 0x4 | 0x8, string.Create(CultureInfo.InvariantCulture, $"mode=1777,size={record.HostConfig.ShmSize}"));
        }

        return true;
    }

    private string AcquireRootfs(ContainerEntry entry)
    {
        var record = entry.Record;
        lock (entry.MountGate)
        {
            var first = entry.AddMountUser();
            try
            {
                return first || !_rootfs.IsMounted(record.Id)
                    ? _rootfs.Mount(record.Id, record.LayerChainId is null ? null : Digest.Parse(record.LayerChainId))
                    : _paths.MergedDirectory(record.Id);
            }
            catch
            {
                entry.RemoveMountUser();
                throw;
            }
        }
    }

    private void ReleaseRootfs(ContainerEntry entry)
    {
        lock (entry.MountGate)
        {
            if (entry.RemoveMountUser())
            {
                _rootfs.Unmount(entry.Id);
            }
        }
    }

    private async Task CleanupRuntimeAsync(string id)
    {
        try
        {
            await _runtime.CleanupAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EngineException or IOException or UnauthorizedAccessException)
        {
            ContainerLog.CleanupFailed(_logger, id, e.Message);
        }
    }

    /// <summary>Waits for the run's exit, then records it; a connection lost at shutdown is not an exit.</summary>
    private async Task MonitorAsync(ContainerEntry entry, IRuntimeTask task)
    {
        RuntimeExit exit;
        try
        {
            exit = await task.Exited.ConfigureAwait(false);
        }
        catch (Exception e) when (!_shuttingDown)
        {
            ContainerLog.ShimLost(_logger, entry.Id, e.Message);
            exit = _runtime.ReadRecordedExit(entry.Id) ?? new RuntimeExit(255, _time.GetUtcNow(), false);
        }
        catch (Exception) when (_shuttingDown)
        {
            return;
        }

        if (_shuttingDown)
        {
            return;
        }

        try
        {
            await HandleExitAsync(entry, task, exit).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EngineException or IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            ContainerLog.CleanupFailed(_logger, entry.Id, e.Message);
        }
    }

    /// <summary>
    /// moby's handleContainerExit: clean up the run, ask the restart manager, record the exit (or Restarting), tell
    /// waiters, then restart after the back-off or remove an --rm container.
    /// </summary>
    private async Task HandleExitAsync(ContainerEntry entry, IRuntimeTask task, RuntimeExit exit)
    {
        var autoRemove = false;
        await entry.Operations.WaitAsync().ConfigureAwait(false);
        try
        {
            lock (entry.Gate)
            {
                if (!ReferenceEquals(entry.Task, task))
                {
                    return;
                }

                entry.Task = null;
                entry.SpecContext = null;
            }

            await task.DisposeAsync().ConfigureAwait(false);
            Notify(o => o.OnStopped(entry.Id));
            ContainerRootfs.UnmountAll(_paths.ShmDirectory(entry.Id));
            ReleaseRootfs(entry);
            await CleanupRuntimeAsync(entry.Id).ConfigureAwait(false);
            TearDownNetwork(entry);

            var now = _time.GetUtcNow();
            var record = entry.Record;
            var ranFor = now - (record.State.StartedAt ?? now);
            var (restart, delay) = entry.RemovalInProgress
                ? (false, TimeSpan.Zero)
                : entry.Restart.ShouldRestart(exit.ExitCode, record.HasBeenManuallyStopped || _shuttingDown, ranFor, record.RestartCount);
            var stopped = Mutate(entry, r => r with
            {
                RestartCount = restart ? r.RestartCount + 1 : r.RestartCount,
                State = r.State with
                {
                    Running = restart,
                    Restarting = restart,
                    Paused = false,
                    Pid = 0,
                    FinishedAt = restart ? now : exit.FinishedAt,
                    ExitCode = exit.ExitCode,
                    OomKilled = exit.OomKilled,
                },
            });
            if (exit.OomKilled)
            {
                Publish(stopped, "oom");
            }

            Publish(stopped, "die", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["exitCode"] = exit.ExitCode.ToString(CultureInfo.InvariantCulture),
                ["execDuration"] = ((long)ranFor.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            });
            entry.SignalStopped();
            if (restart)
            {
                ScheduleRestart(entry, delay);
            }
            else
            {
                autoRemove = stopped.HostConfig.AutoRemove && !entry.ManuallyRestarted && !entry.RemovalInProgress;
            }
        }
        finally
        {
            entry.Operations.Release();
        }

        if (autoRemove)
        {
            await AutoRemoveAsync(entry).ConfigureAwait(false);
        }
    }

    private void ScheduleRestart(ContainerEntry entry, TimeSpan delay)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        lock (entry.Gate)
        {
            entry.PendingRestart?.Dispose();
            entry.PendingRestart = cancellation;
        }

        RunInBackground(() => RestartAfterAsync(entry, cancellation, delay));
    }

    private async Task RestartAfterAsync(ContainerEntry entry, CancellationTokenSource cancellation, TimeSpan delay)
    {
        var cancelled = false;
        try
        {
            await Task.Delay(delay, _time, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }

        if (_shuttingDown)
        {
            // The record still says Restarting: the next start of wharfd applies the policy again.
            return;
        }

        var autoRemove = false;
        await entry.Operations.WaitAsync().ConfigureAwait(false);
        try
        {
            lock (entry.Gate)
            {
                if (ReferenceEquals(entry.PendingRestart, cancellation))
                {
                    entry.PendingRestart = null;
                }
            }

            cancellation.Dispose();
            if (entry.Removed || !entry.Record.State.Restarting)
            {
                return;
            }

            var previous = entry.Record.State;
            if (!cancelled && !entry.RemovalInProgress && !entry.Restart.IsCancelled)
            {
                try
                {
                    await StartCoreAsync(entry, manual: false).ConfigureAwait(false);
                    return;
                }
                catch (EngineException e)
                {
                    ContainerLog.RestartFailed(_logger, entry.Id, e.Message);
                }
            }

            Mutate(entry, r => r with
            {
                State = r.State with { Running = false, Restarting = false, Paused = false, Pid = 0, ExitCode = previous.ExitCode, FinishedAt = previous.FinishedAt },
            });
            entry.SignalStopped();
            autoRemove = entry.Record.HostConfig.AutoRemove;
        }
        finally
        {
            entry.Operations.Release();
        }

        if (autoRemove)
        {
            await AutoRemoveAsync(entry).ConfigureAwait(false);
        }
    }

    private async Task AutoRemoveAsync(ContainerEntry entry)
    {
        try
        {
            await RemoveEntryAsync(entry, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EngineException e) when (!entry.Removed)
        {
            ContainerLog.AutoRemoveFailed(_logger, entry.Id, e.Message);
        }
        catch (EngineException)
        {
            // Removed meanwhile by someone else.
        }
    }

    // No fsync: the bundle lives under the exec root (a tmpfs normally) and is written anew at every start.
    private static void WriteBytesAtomically(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
