using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Images;
using Wharf.Engine.Layers;
using Wharf.Engine.Runtime;
using Wharf.Engine.State;
using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Containers;

/// <summary>
/// The containers: records in the <c>containers</c> table, one <see cref="ContainerEntry"/> each in memory, runs through
/// <see cref="IContainerRuntime"/> (one shim per container, so containers outlive wharfd), rw layers on overlayfs, with
/// dockerd's state machine, restart policies, events and messages. Operations on one container are serialised by its
/// own lock; nothing global is held across a runtime call, so many containers can be created, started and removed at
/// once. Partial files by concern: create, start (and exits, restarts), stop (kill, pause), remove (prune), update
/// (rename), queries, restore (start-up reconcile).
/// </summary>
public sealed partial class ContainerService : IContainerService, IContainerLookup, IContainerUsage, IAsyncDisposable
{
    private const string EventType = "container";
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    private readonly ContainerServiceOptions _options;
    private readonly ContainerTable _table;
    private readonly IImageService _images;
    private readonly ILayerStore _layers;
    private readonly IContainerRuntime _runtime;
    private readonly IContainerSpecBuilder _specs;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ContainerPaths _paths;
    private readonly IRootfsMounter _rootfs;
    private readonly ConcurrentDictionary<string, ContainerEntry> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Lock _namesGate = new();
    private readonly List<IContainerObserver> _observers = [];
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<Task, bool> _background = new();
    private IHealthStatusSource? _health;
    private IExecSource? _execs;
    private volatile bool _shuttingDown;

    public ContainerService(
        ContainerServiceOptions options,
        StateStore state,
        IImageService images,
        ILayerStore layers,
        IContainerRuntime runtime,
        IContainerSpecBuilder specs,
        IEventPublisher events,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
        : this(options, state, images, layers, runtime, specs, events, timeProvider, logger, rootfs: null)
    {
    }

    /// <summary>With another rootfs mounter (tests without root).</summary>
    internal ContainerService(
        ContainerServiceOptions options,
        StateStore state,
        IImageService images,
        ILayerStore layers,
        IContainerRuntime runtime,
        IContainerSpecBuilder specs,
        IEventPublisher events,
        TimeProvider? timeProvider,
        ILogger? logger,
        IRootfsMounter? rootfs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(events);
        _options = options;
        _table = new ContainerTable(state);
        _images = images;
        _layers = layers;
        _runtime = runtime;
        _specs = specs;
        _events = events;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _paths = new ContainerPaths(options.DataRoot, options.ExecRoot);
        _rootfs = rootfs ?? new ContainerRootfs(layers, _paths);
        Directory.CreateDirectory(_paths.ContainersRoot);
    }

    /// <summary>Told about every start, stop and removal (health checks, execs). Register before <see cref="RestoreAsync"/>.</summary>
    public void AddObserver(IContainerObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_observers)
        {
            _observers.Add(observer);
        }
    }

    /// <summary>Where inspect, ps and the health filter read container health from.</summary>
    public void UseHealthSource(IHealthStatusSource health) => _health = health ?? throw new ArgumentNullException(nameof(health));

    /// <summary>Where inspect reads ExecIDs from.</summary>
    public void UseExecSource(IExecSource execs) => _execs = execs ?? throw new ArgumentNullException(nameof(execs));

    public ContainerView Get(string nameOrId) => ToView(Resolve(nameOrId));

    public IRuntimeTask? GetTask(string containerId)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        return _containers.TryGetValue(containerId, out var entry) ? entry.Task : null;
    }

    public async Task<IRuntimeStream> AttachAsync(string containerId, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken)
    {
        var entry = Resolve(containerId);
        IRuntimeTask? task;
        PendingAttach? pending = null;
        lock (entry.Gate)
        {
            task = entry.Task;
            if (task is null)
            {
                pending = new PendingAttach(stdin, stdout, stderr, new TaskCompletionSource<IRuntimeStream>(TaskCreationOptions.RunContinuationsAsynchronously));
                entry.PendingAttaches.Add(pending);
            }
        }

        if (task is not null)
        {
            return await task.AttachAsync(stdin, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }

        using (cancellationToken.Register(() =>
        {
            lock (entry.Gate)
            {
                entry.PendingAttaches.Remove(pending!);
            }

            pending!.Stream.TrySetCanceled(cancellationToken);
        }))
        {
            return await pending!.Stream.Task.ConfigureAwait(false);
        }
    }

    public async Task WaitStoppedAsync(string containerId, CancellationToken cancellationToken)
    {
        var entry = Resolve(containerId);
        Task stopped;
        lock (entry.Gate)
        {
            if (entry.Task is null)
            {
                return;
            }

            stopped = entry.Stopped;
        }

        await stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Containers keep running (their shims do not depend on us): only drop the connections and timers.
        _shuttingDown = true;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_background.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or EngineException or IOException)
        {
            // Background work that did not finish is abandoned; the next start reconciles what it left.
        }

        foreach (var entry in _containers.Values)
        {
            IRuntimeTask? task;
            lock (entry.Gate)
            {
                task = entry.Task;
                entry.Task = null;
            }

            if (task is not null)
            {
                await task.DisposeAsync().ConfigureAwait(false);
            }
        }

        _lifetime.Dispose();
    }

    /// <summary>dockerd's GetContainer: a full ID, an exact name, then a unique ID prefix.</summary>
    private ContainerEntry Resolve(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        if (nameOrId.Length == 0)
        {
            throw NoSuchContainer(nameOrId);
        }

        if (_containers.TryGetValue(nameOrId, out var byId) && !byId.Removed)
        {
            return byId;
        }

        var name = nameOrId.StartsWith('/') ? nameOrId : "/" + nameOrId;
        lock (_namesGate)
        {
            if (_names.TryGetValue(name, out var id) && _containers.TryGetValue(id, out var byName) && !byName.Removed)
            {
                return byName;
            }
        }

        ContainerEntry? match = null;
        foreach (var (id, entry) in _containers)
        {
            if (!entry.Removed && id.StartsWith(nameOrId, StringComparison.Ordinal))
            {
                if (match is not null)
                {
                    throw EngineException.InvalidParameter($"multiple IDs found with provided prefix: {nameOrId}");
                }

                match = entry;
            }
        }

        return match ?? throw NoSuchContainer(nameOrId);
    }

    private static EngineException NoSuchContainer(string nameOrId) => EngineException.NotFound($"No such container: {nameOrId}");

    /// <summary>Changes the record and writes it through to the table, as one step under the entry's gate.</summary>
    private ContainerRecord Mutate(ContainerEntry entry, Func<ContainerRecord, ContainerRecord> change)
    {
        lock (entry.Gate)
        {
            var next = change(entry.Record);
            if (!entry.Removed)
            {
                _table.Update(next);
            }

            entry.Record = next;
            return next;
        }
    }

    /// <summary>dockerd's LogContainerEventWithAttributes: the extras, the container's labels, then image and name.</summary>
    private void Publish(ContainerRecord record, string action, Dictionary<string, string>? extra = null)
    {
        var attributes = extra ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in record.Config.Labels ?? [])
        {
            attributes[key] = value;
        }

        if (record.Config.Image.Length > 0)
        {
            attributes["image"] = record.Config.Image;
        }

        attributes["name"] = record.Name.TrimStart('/');
        _events.Publish(EventType, action, record.Id, attributes);
    }

    private void Notify(Action<IContainerObserver> action)
    {
        IContainerObserver[] observers;
        lock (_observers)
        {
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            action(observer);
        }
    }

    /// <summary>Runs work that outlives the request that caused it (restarts, auto-removal); shutdown waits for it briefly.</summary>
    private void RunInBackground(Func<Task> work)
    {
        var task = Task.Run(work);
        _background[task] = true;
        task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private ContainerView ToView(ContainerEntry entry)
    {
        var record = entry.Record;
        return new ContainerView(
            record.Id,
            record.Name,
            record.ImageId,
            record.Config,
            record.HostConfig,
            ToApiState(entry, record),
            LogSpecOf(record),
            CgroupsPath(record),
            entry.SpecContext);
    }

    private ContainerState ToApiState(ContainerEntry entry, ContainerRecord record)
    {
        var state = record.State;
        return new ContainerState
        {
            Status = ContainerStatusText.StateWord(state, entry.RemovalInProgress),
            Running = state.Running,
            Paused = state.Paused,
            Restarting = state.Restarting,
            OOMKilled = state.OomKilled,
            Dead = state.Dead,
            Pid = state.Pid,
            ExitCode = state.ExitCode,
            Error = state.Error,
            StartedAt = FormatTime(state.StartedAt),
            FinishedAt = FormatTime(state.FinishedAt),
            Health = state.Running ? _health?.Get(record.Id) : null,
        };
    }

    private static string FormatTime(DateTimeOffset? time) => time is null ? ZeroTime : GoTime.FormatRfc3339Nano(time.Value.ToUniversalTime());

    private LogSpec LogSpecOf(ContainerRecord record)
    {
        var log = record.HostConfig.LogConfig;
        var path = log.Type switch
        {
            LogConfigRules.JsonFile => _paths.JsonLogFile(record.Id),
            LogConfigRules.Local => _paths.LocalLogFile(record.Id),
            _ => "",
        };
        return new LogSpec(log.Type, path, log.Config);
    }

    /// <summary>The OCI cgroupsPath: <c>/wharf/&lt;id&gt;</c> under cgroupfs, <c>system.slice:wharf:&lt;id&gt;</c> under systemd.</summary>
    private string CgroupsPath(ContainerRecord record)
    {
        var parent = record.HostConfig.CgroupParent.Length > 0 ? record.HostConfig.CgroupParent : _options.CgroupParent;
        if (_options.CgroupDriver == "systemd")
        {
            return $"{(string.IsNullOrEmpty(parent) ? "system.slice" : parent)}:wharf:{record.Id}";
        }

        var root = string.IsNullOrEmpty(parent) ? "/wharf" : parent.StartsWith('/') ? parent : "/" + parent;
        return root.TrimEnd('/') + "/" + record.Id;
    }

    /// <summary>The container's memory cgroup dir on the host, where the shim reads OOM kills from.</summary>
    private string MemoryCgroupPath(ContainerRecord record)
    {
        var path = CgroupsPath(record);
        if (_options.CgroupDriver == "systemd")
        {
            var parts = path.Split(':');
            path = $"/{parts[0]}/{parts[1]}-{parts[2]}.scope";
        }

        return _options.CgroupVersion == "2" ? "/sys/fs/cgroup" + path : "/sys/fs/cgroup/memory" + path;
    }
}
