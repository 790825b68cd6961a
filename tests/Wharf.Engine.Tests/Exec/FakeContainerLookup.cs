using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Exec;

/// <summary>Containers the test sets up: a view per ID, and a task for the running ones.</summary>
public sealed class FakeContainerLookup : IContainerLookup
{
    private readonly Dictionary<string, ContainerView> _views = [];
    private readonly Dictionary<string, FakeRuntimeTask> _tasks = [];

    public static ContainerView View(string id, string name = "/web", bool running = true, bool paused = false, ContainerConfig? config = null, HostConfig? hostConfig = null) => new(
        id,
        name,
        "sha256:" + new string('b', 64),
        config ?? new ContainerConfig { Image = "busybox", User = "", WorkingDir = "/srv", Env = ["A=1"] },
        hostConfig ?? new HostConfig(),
        new ContainerState { Running = running, Paused = paused, Status = running ? "running" : "exited", StartedAt = "2026-01-02T03:04:05.123456789Z" },
        new LogSpec("json-file", "/nonexistent/" + id + "-json.log", new Dictionary<string, string>()),
        "/wharf/" + id,
        running ? new ContainerSpecContext(id, config ?? new ContainerConfig(), hostConfig ?? new HostConfig(), "/rootfs", "/h", "/hosts", "/resolv", "/wharf/" + id, new Dictionary<string, string>(), null, null, []) : null);

    public FakeRuntimeTask Add(ContainerView view)
    {
        lock (_views)
        {
            _views[view.Id] = view;
            var task = new FakeRuntimeTask(view.Id);
            if (view.State.Running)
            {
                _tasks[view.Id] = task;
            }
            else
            {
                _tasks.Remove(view.Id);
            }

            return task;
        }
    }

    public void Remove(string id)
    {
        lock (_views)
        {
            _views.Remove(id);
            _tasks.Remove(id);
        }
    }

    public ContainerView Get(string nameOrId)
    {
        lock (_views)
        {
            return _views.Values.FirstOrDefault(view => view.Id == nameOrId || view.Name == nameOrId || view.Name == "/" + nameOrId)
                ?? throw EngineException.NotFound($"No such container: {nameOrId}");
        }
    }

    public IRuntimeTask? GetTask(string containerId)
    {
        lock (_views)
        {
            return _tasks.GetValueOrDefault(containerId);
        }
    }

    public Task<IRuntimeStream> AttachAsync(string containerId, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        Task.FromResult<IRuntimeStream>(new FakeRuntimeStream());

    public Task WaitStoppedAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
