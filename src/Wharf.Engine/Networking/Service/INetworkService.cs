using Wharf.Api;

namespace Wharf.Engine.Networking.Service;

/// <summary>The <c>/networks</c> API (list, inspect, create, remove, prune) with dockerd's filters, messages and status codes.</summary>
public interface INetworkService
{
    /// <exception cref="Errors.EngineException">InvalidParameter: a malformed or unknown filter.</exception>
    IReadOnlyList<NetworkResource> List(string? filtersJson);

    /// <summary>By name, ID or unique ID prefix; <paramref name="scope"/> other than empty or <c>local</c> finds nothing, like dockerd.</summary>
    NetworkResource Inspect(string nameOrId, bool verbose, string? scope);

    NetworkCreateResponse Create(NetworkCreateRequest request);

    void Remove(string nameOrId);

    NetworkPruneResponse Prune(string? filtersJson);
}
