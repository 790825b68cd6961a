using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Networking.Service;

/// <summary>Container names by ID; every other call is not needed by the network service.</summary>
public sealed class FakeContainerLookup : IContainerLookup
{
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public ContainerView Get(string nameOrId) =>
        Names.TryGetValue(nameOrId, out var name)
            ? new ContainerView(nameOrId, "/" + name, "sha256:" + new string('b', 64), new ContainerConfig(), new HostConfig(), new ContainerState(), new LogSpec("json-file", "/nonexistent.log", new Dictionary<string, string>()), "/wharf/" + nameOrId, null)
            : throw EngineException.NotFound($"No such container: {nameOrId}");

    public IRuntimeTask? GetTask(string containerId) => null;

    public Task<IRuntimeStream> AttachAsync(string containerId, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task WaitStoppedAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
