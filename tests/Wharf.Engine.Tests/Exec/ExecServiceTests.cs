using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Exec;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Exec;

public sealed class ExecServiceTests : IDisposable
{
    private const string ContainerId = "c0ffee0000000000000000000000000000000000000000000000000000000001";

    private readonly FakeContainerLookup _containers = new();
    private readonly FakeSpecBuilder _specs = new();
    private readonly RecordingEvents _events = new();
    private readonly ExecService _execs;
    private readonly FakeRuntimeTask _task;

    public ExecServiceTests()
    {
        _task = _containers.Add(FakeContainerLookup.View(ContainerId, config: new ContainerConfig { Image = "busybox", User = "1000", WorkingDir = "/srv", Labels = new() { ["team"] = "a" } }));
        _execs = new ExecService(_containers, _specs, _events, TimeProvider.System);
    }

    public void Dispose() => _execs.Dispose();

    [Fact]
    public void Create_defaults_user_and_workdir_from_the_container_and_publishes_exec_create()
    {
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["sh", "-c", "date"], AttachStdout = true });

        var inspect = _execs.Inspect(id);
        Assert.Equal(64, id.Length);
        Assert.Equal(ContainerId, inspect.ContainerID);
        Assert.False(inspect.Running);
        Assert.Null(inspect.ExitCode);
        Assert.Equal("1000", inspect.ProcessConfig.User);
        Assert.Equal("sh", inspect.ProcessConfig.Entrypoint);
        Assert.Equal(["-c", "date"], inspect.ProcessConfig.Arguments);
        Assert.Equal("", inspect.DetachKeys);
        var created = Assert.Single(_events.Events);
        Assert.Equal("exec_create: sh -c date", created.Action);
        Assert.Equal(id, created.Attributes["execID"]);
        Assert.Equal("web", created.Attributes["name"]);
        Assert.Equal("busybox", created.Attributes["image"]);
        Assert.Equal("a", created.Attributes["team"]);
        Assert.Equal([id], _execs.ExecIds(ContainerId));
    }

    [Fact]
    public void Create_refuses_what_dockerd_refuses()
    {
        _containers.Add(FakeContainerLookup.View("stopped0", "/stopped", running: false));
        _containers.Add(FakeContainerLookup.View("paused00", "/paused", paused: true));

        var noCommand = Assert.Throws<EngineException>(() => _execs.Create("web", new ExecCreateRequest { Cmd = [] }));
        var notRunning = Assert.Throws<EngineException>(() => _execs.Create("stopped", new ExecCreateRequest { Cmd = ["true"] }));
        var paused = Assert.Throws<EngineException>(() => _execs.Create("paused", new ExecCreateRequest { Cmd = ["true"] }));
        var missing = Assert.Throws<EngineException>(() => _execs.Create("nope", new ExecCreateRequest { Cmd = ["true"] }));
        var badUser = Assert.Throws<EngineException>(() => _execs.Create("web", new ExecCreateRequest { Cmd = ["true"], User = "nobody-here" }));
        var badKeys = Assert.Throws<EngineException>(() => _execs.Create("web", new ExecCreateRequest { Cmd = ["true"], DetachKeys = "ctrl-" }));

        Assert.Equal((ErrorKind.InvalidParameter, "No exec command specified"), (noCommand.Kind, noCommand.Message));
        Assert.Equal((ErrorKind.Conflict, "Container stopped0 is not running"), (notRunning.Kind, notRunning.Message));
        Assert.Equal((ErrorKind.Conflict, "Container paused is paused, unpause the container before exec"), (paused.Kind, paused.Message));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
        Assert.Equal(ErrorKind.InvalidParameter, badUser.Kind);
        Assert.Equal("Invalid escape keys (ctrl-) provided", badKeys.Message);
        Assert.Null(_execs.ExecIds(ContainerId));
    }

    [Fact]
    public async Task Start_runs_the_process_and_records_the_exit_before_the_session_sees_it()
    {
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["sh"], AttachStdin = true, AttachStdout = true, Tty = true, ConsoleSize = [24, 80], DetachKeys = "ctrl-a" });

        await using var session = await _execs.StartAsync(id, new ExecStartOptions(Attach: true), CancellationToken.None);
        var process = Assert.Single(_task.Execs);
        var running = _execs.Inspect(id);
        process.Exit(3);
        var exitCode = await session.Exited;

        Assert.Equal(new RuntimeExecSpec(id, "{\"args\":[\"sh\"],\"cwd\":\"/srv\"}", true, true, true, false, 24, 80), process.Spec);
        Assert.True(running.Running);
        Assert.Equal(process.Pid, running.Pid);
        Assert.Equal("AQ==", running.DetachKeys);
        Assert.Equal(3, exitCode);
        var ended = _execs.Inspect(id);
        Assert.False(ended.Running);
        Assert.Equal(3, ended.ExitCode);
        Assert.Same(process.Stream, session.Stream);
        Assert.True(session.Tty);
        Assert.Equal(new byte[] { 1 }, session.DetachKeys.ToArray());
        Assert.Null(_execs.ExecIds(ContainerId));
        Assert.Contains($"exec_start: sh ", _events.Actions);
        var die = _events.Events.Single(e => e.Action == "exec_die");
        Assert.Equal("3", die.Attributes["exitCode"]);
    }

    [Fact]
    public async Task The_runtime_process_is_released_once_both_the_exit_and_the_session_are_done()
    {
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["true"], AttachStdout = true });
        var session = await _execs.StartAsync(id, new ExecStartOptions(Attach: true), CancellationToken.None);
        var process = _task.Execs.Single();

        process.Exit(0);
        await session.Exited;
        var disposedBeforeSession = process.Disposed;
        await session.DisposeAsync();

        Assert.False(disposedBeforeSession);
        Assert.True(process.Disposed);
    }

    [Fact]
    public async Task A_detached_start_attaches_nothing()
    {
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["sleep", "1"], AttachStdin = true, AttachStdout = true, AttachStderr = true });

        var session = await _execs.StartAsync(id, new ExecStartOptions(Attach: false), CancellationToken.None);
        var process = _task.Execs.Single();
        process.Exit(0);
        await session.Exited;

        Assert.Null(session.Stream);
        Assert.False(process.Spec.AttachStdin || process.Spec.AttachStdout || process.Spec.AttachStderr);
    }

    [Fact]
    public async Task A_second_start_is_a_conflict()
    {
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["true"] });
        await using var session = await _execs.StartAsync(id, new ExecStartOptions(Attach: false), CancellationToken.None);

        var running = await Assert.ThrowsAsync<EngineException>(() => _execs.StartAsync(id, new ExecStartOptions(Attach: false), CancellationToken.None));
        _task.Execs.Single().Exit(0);
        await session.Exited;
        var ran = await Assert.ThrowsAsync<EngineException>(() => _execs.StartAsync(id, new ExecStartOptions(Attach: false), CancellationToken.None));

        Assert.Equal((ErrorKind.Conflict, $"exec command {id} is already running"), (running.Kind, running.Message));
        Assert.Equal((ErrorKind.Conflict, $"exec command {id} has already run"), (ran.Kind, ran.Message));
    }

    [Theory]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: unknown", 127)]
    [InlineData("exec failed: unable to start container process: exec: \"/etc/passwd\": permission denied: unknown", 126)]
    [InlineData("exec failed: unable to start container process: exec: \"/etc\": is a directory: unknown", 126)]
    [InlineData("runc exploded", 126)]
    public async Task A_process_the_runtime_cannot_start_gets_dockerds_exit_code(string failure, int expected)
    {
        _task.ExecFailure = failure;
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["nope"] });

        var error = await Assert.ThrowsAsync<EngineException>(() => _execs.StartAsync(id, new ExecStartOptions(Attach: true), CancellationToken.None));

        Assert.StartsWith(failure, error.Message, StringComparison.Ordinal);
        var inspect = _execs.Inspect(id);
        Assert.Equal(expected, inspect.ExitCode);
        Assert.False(inspect.Running);
        Assert.Null(_execs.ExecIds(ContainerId));
    }

    [Fact]
    public async Task Unknown_execs_and_stopped_containers_answer_like_dockerd()
    {
        var missing = Assert.Throws<EngineException>(() => _execs.Inspect("deadbeef"));
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["true"] });
        _containers.Add(FakeContainerLookup.View(ContainerId, running: false));
        var stopped = await Assert.ThrowsAsync<EngineException>(() => _execs.StartAsync(id, new ExecStartOptions(Attach: true), CancellationToken.None));
        var stoppedResize = await Assert.ThrowsAsync<EngineException>(() => _execs.ResizeAsync(id, 1, 1, CancellationToken.None));

        Assert.Equal((ErrorKind.NotFound, "No such exec instance: deadbeef"), (missing.Kind, missing.Message));
        Assert.Equal((ErrorKind.Conflict, $"Container {ContainerId} is not running"), (stopped.Kind, stopped.Message));
        Assert.Equal(ErrorKind.Conflict, stoppedResize.Kind);
    }

    [Fact]
    public async Task Resize_reaches_the_started_process()
    {
        var id = _execs.Create("web", new ExecCreateRequest { Cmd = ["sh"], Tty = true });
        await using var session = await _execs.StartAsync(id, new ExecStartOptions(Attach: true), CancellationToken.None);

        await _execs.ResizeAsync(id, 40, 120, CancellationToken.None);

        Assert.Equal([(40, 120)], _task.Execs.Single().Resizes);
    }

    [Fact]
    public async Task A_stopped_container_drops_its_live_execs_and_removal_drops_the_rest()
    {
        var ended = _execs.Create("web", new ExecCreateRequest { Cmd = ["true"] });
        var session = await _execs.StartAsync(ended, new ExecStartOptions(Attach: false), CancellationToken.None);
        _task.Execs.Single().Exit(0);
        await session.Exited;
        var live = _execs.Create("web", new ExecCreateRequest { Cmd = ["sleep", "9"] });

        _execs.OnStopped(ContainerId);
        var liveGone = Assert.Throws<EngineException>(() => _execs.Inspect(live));
        var endedKept = _execs.Inspect(ended);
        _execs.OnRemoved(ContainerId);
        var endedGone = Assert.Throws<EngineException>(() => _execs.Inspect(ended));

        Assert.Equal(ErrorKind.NotFound, liveGone.Kind);
        Assert.Equal(0, endedKept.ExitCode);
        Assert.Equal(ErrorKind.NotFound, endedGone.Kind);
    }

    [Fact]
    public async Task The_collector_marks_ended_execs_then_drops_them_on_its_next_pass()
    {
        var ended = _execs.Create("web", new ExecCreateRequest { Cmd = ["true"] });
        var session = await _execs.StartAsync(ended, new ExecStartOptions(Attach: false), CancellationToken.None);
        _task.Execs.Single().Exit(0);
        await session.Exited;
        var created = _execs.Create("web", new ExecCreateRequest { Cmd = ["true"] });

        _execs.Collect();
        var marked = _execs.Inspect(ended);
        _execs.Collect();

        Assert.True(marked.CanRemove);
        Assert.Throws<EngineException>(() => _execs.Inspect(ended));
        Assert.False(_execs.Inspect(created).CanRemove);
    }
}
