using System.Collections.Concurrent;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Service;

namespace Wharf.Daemon.Tests.Networking;

/// <summary>One network named <c>app</c>; every call is recorded as a line the tests look for.</summary>
internal sealed class FakeNetworkService : INetworkService, INetworkAttachments
{
    public const string AppId = "a100000000000000000000000000000000000000000000000000000000000001";

    public ConcurrentQueue<string> Calls { get; } = new();

    public EndpointSettings? LastEndpoint { get; private set; }

    public NetworkCreateRequest? LastCreate { get; private set; }

    public IReadOnlyList<NetworkResource> List(string? filtersJson)
    {
        Calls.Enqueue($"list {filtersJson}");
        return [App()];
    }

    public NetworkResource Inspect(string nameOrId, bool verbose, string? scope)
    {
        Calls.Enqueue($"inspect {nameOrId} verbose={verbose} scope={scope}");
        return nameOrId is "app" or AppId ? App() : throw EngineException.NotFound($"network {nameOrId} not found");
    }

    public NetworkCreateResponse Create(NetworkCreateRequest request)
    {
        LastCreate = request;
        Calls.Enqueue($"create {request.Name}");
        return request.Name == "app"
            ? throw EngineException.Conflict("network with name app already exists")
            : new NetworkCreateResponse { Id = AppId, Warning = "" };
    }

    public void Remove(string nameOrId)
    {
        Calls.Enqueue($"remove {nameOrId}");
        if (nameOrId == "bridge")
        {
            throw EngineException.Forbidden("bridge is a pre-defined network and cannot be removed");
        }
    }

    public NetworkPruneResponse Prune(string? filtersJson)
    {
        Calls.Enqueue($"prune {filtersJson}");
        return new NetworkPruneResponse { NetworksDeleted = ["old"] };
    }

    public Task ConnectAsync(string networkNameOrId, string containerNameOrId, EndpointSettings? endpoint, CancellationToken cancellationToken)
    {
        LastEndpoint = endpoint;
        Calls.Enqueue($"connect {networkNameOrId} {containerNameOrId}");
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(string networkNameOrId, string containerNameOrId, bool force, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"disconnect {networkNameOrId} {containerNameOrId} force={force}");
        return Task.CompletedTask;
    }

    private static NetworkResource App() => new()
    {
        Name = "app",
        Id = AppId,
        Created = "2026-12-01T21:00:00.123456789Z",
        Driver = "bridge",
        IPAM = new NetworkIpam { Config = [new IpamPoolConfig { Subnet = "172.18.0.0/16", Gateway = "172.18.0.1" }] },
    };
}
