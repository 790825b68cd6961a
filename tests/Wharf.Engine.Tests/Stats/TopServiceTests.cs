using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;
using Wharf.Engine.Stats;
using Wharf.Engine.Tests.Exec;

namespace Wharf.Engine.Tests.Stats;

/// <summary>TopService with the host's real ps over the test's own process standing in for a container's.</summary>
public sealed class TopServiceTests
{
    private const string Id = "70b0000000000000000000000000000000000000000000000000000000000001";

    private readonly FakeContainerLookup _containers = new();
    private readonly RecordingEvents _events = new();
    private readonly TopService _top;

    public TopServiceTests()
    {
        _top = new TopService(_containers, new OwnProcessRuntime(), _events);
    }

    [Fact]
    public async Task Lists_the_containers_processes_with_the_default_ps_ef()
    {
        _containers.Add(FakeContainerLookup.View(Id));

        var top = await _top.TopAsync("web", null, CancellationToken.None);

        Assert.Equal(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], top.Titles);
        var row = Assert.Single(top.Processes);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
        Assert.Equal("top", Assert.Single(_events.Events).Action);
    }

    [Fact]
    public async Task Takes_ps_args()
    {
        _containers.Add(FakeContainerLookup.View(Id));

        var top = await _top.TopAsync(Id, "-o pid,comm", CancellationToken.None);

        Assert.Equal(["PID", "COMMAND"], top.Titles);
        Assert.Single(top.Processes);
    }

    [Fact]
    public async Task A_container_that_does_not_run_is_a_conflict_and_bad_ps_args_an_error()
    {
        _containers.Add(FakeContainerLookup.View(Id, running: false));

        var stopped = await Assert.ThrowsAsync<EngineException>(() => _top.TopAsync(Id, "", CancellationToken.None));
        _containers.Add(FakeContainerLookup.View(Id));
        var badArgs = await Assert.ThrowsAsync<EngineException>(() => _top.TopAsync(Id, "--no-such-option", CancellationToken.None));

        Assert.Equal((ErrorKind.Conflict, $"Container {Id} is not running"), (stopped.Kind, stopped.Message));
        Assert.StartsWith("ps: ", badArgs.Message, StringComparison.Ordinal);
    }

    private sealed class OwnProcessRuntime : IContainerRuntime
    {
        public Task<IReadOnlyList<int>> ListPidsAsync(string containerId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<int>>([Environment.ProcessId]);

        public Task<IRuntimeTask> StartAsync(ContainerStartSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IRuntimeTask?> ReconnectAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public RuntimeExit? ReadRecordedExit(string containerId) => null;

        public Task CleanupAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;

        public IReadOnlyList<string> ListStates() => [];

        public Task PauseAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ResumeAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UpdateAsync(string containerId, string linuxResourcesJson, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
