using System.Collections.Concurrent;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Containers;

/// <summary>
/// An <see cref="IContainerRuntime"/> in memory: every start gives a <see cref="FakeTask"/> whose process "exits" when
/// the test says so or when it gets a signal it does not ignore. Failures and reconnects are scripted per container.
/// </summary>
public sealed class FakeRuntime : IContainerRuntime
{
    private int _nextPid = 1000;

    public ConcurrentDictionary<string, FakeTask> Tasks { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<ContainerStartSpecRecord> Starts { get; } = new();

    public ConcurrentBag<string> Cleaned { get; } = [];

    public ConcurrentDictionary<string, bool> States { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, RuntimeExit> RecordedExits { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, FakeTask> Reconnectable { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The next start of this container fails with this message (runc's text).</summary>
    public ConcurrentDictionary<string, string> FailNextStart { get; } = new(StringComparer.Ordinal);

    /// <summary>Signals a new task ignores (so that stop has to escalate).</summary>
    public HashSet<int> IgnoredSignals { get; } = [];

    /// <summary>Each start's task exits at once with this code (restart policy tests).</summary>
    public int? ExitImmediatelyWith { get; set; }

    public Task<IRuntimeTask> StartAsync(ContainerStartSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Starts.Enqueue(new ContainerStartSpecRecord(spec));
        if (FailNextStart.TryRemove(spec.Id, out var message))
        {
            throw EngineException.InvalidParameter(message);
        }

        States[spec.Id] = true;
        var task = new FakeTask(spec.Id, Interlocked.Increment(ref _nextPid), IgnoredSignals);
        Tasks[spec.Id] = task;
        if (ExitImmediatelyWith is { } code)
        {
            task.Exit(code);
        }

        return Task.FromResult<IRuntimeTask>(task);
    }

    public Task<IRuntimeTask?> ReconnectAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult<IRuntimeTask?>(Reconnectable.TryRemove(containerId, out var task) ? task : null);

    public RuntimeExit? ReadRecordedExit(string containerId) => RecordedExits.TryGetValue(containerId, out var exit) ? exit : null;

    public Task CleanupAsync(string containerId, CancellationToken cancellationToken)
    {
        Cleaned.Add(containerId);
        States.TryRemove(containerId, out _);

        // The exit file lives in the state dir that cleanup removes.
        RecordedExits.TryRemove(containerId, out _);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> ListStates() => [.. States.Keys];

    public Task PauseAsync(string containerId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("pause " + containerId);
        return Task.CompletedTask;
    }

    public Task ResumeAsync(string containerId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("resume " + containerId);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(string containerId, string linuxResourcesJson, CancellationToken cancellationToken)
    {
        Calls.Enqueue("update " + containerId + " " + linuxResourcesJson);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> ListPidsAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>(Tasks.TryGetValue(containerId, out var task) ? [task.Pid] : []);
}
