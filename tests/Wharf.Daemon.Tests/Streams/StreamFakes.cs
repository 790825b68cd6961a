using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>The container service as the stream routes see it: one container the test shapes, its task, its log.</summary>
internal sealed class StreamFakes : IContainerLookup, IContainerLogReader, IContainerSpecBuilder
{
    public const string Id = "abc0000000000000000000000000000000000000000000000000000000000001";

    public ContainerView View { get; set; } = Make(tty: false, running: true);

    public ScriptedTask Task { get; } = new(Id);

    public List<LogRecord> Log { get; } = [];

    public LogReadOptions? LastLogOptions { get; private set; }

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static ContainerView Make(bool tty, bool running, bool openStdin = false, bool stdinOnce = false, string logDriver = "json-file")
    {
        var config = new ContainerConfig { Image = "busybox", Tty = tty, OpenStdin = openStdin, StdinOnce = stdinOnce, Labels = new() { ["tier"] = "web" } };
        return new ContainerView(
            Id,
            "/web",
            "sha256:" + new string('b', 64),
            config,
            new HostConfig(),
            new ContainerState { Running = running, Status = running ? "running" : "exited" },
            new LogSpec(logDriver, "/nonexistent.log", new Dictionary<string, string>()),
            "/wharf/" + Id,
            running ? new ContainerSpecContext(Id, config, new HostConfig(), "/r", "/h", "/hs", "/rc", "/wharf/" + Id, new Dictionary<string, string>(), null, null, []) : null);
    }

    public ContainerView Get(string nameOrId) =>
        nameOrId is Id or "web" or "/web" ? View : throw EngineException.NotFound($"No such container: {nameOrId}");

    public IRuntimeTask? GetTask(string containerId) => View.State.Running ? Task : null;

    public Task<IRuntimeStream> AttachAsync(string containerId, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        Task.AttachAsync(stdin, stdout, stderr, cancellationToken);

    public Task WaitStoppedAsync(string containerId, CancellationToken cancellationToken) => Stopped.Task.WaitAsync(cancellationToken);

    public async IAsyncEnumerable<LogRecord> ReadAsync(LogSpec log, LogReadOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LastLogOptions = options;
        foreach (var record in Log)
        {
            await System.Threading.Tasks.Task.Yield();
            yield return record;
        }
    }

    public IReadOnlyList<string> Validate(ContainerConfig config, HostConfig hostConfig) => [];

    public byte[] BuildSpec(ContainerSpecContext context) => [];

    public string BuildExecProcess(ContainerSpecContext context, ExecCreateRequest exec) => "{}";

    public string BuildResources(ContainerResources resources) => "{}";
}
