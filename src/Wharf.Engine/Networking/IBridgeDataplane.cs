namespace Wharf.Engine.Networking;

/// <summary>
/// Links, addresses and routes through rtnetlink, in-process (no <c>ip</c> spawned). Every method is idempotent where
/// that makes sense (creating what exists, removing what is gone) so that reconcile can call it blindly, and safe to
/// call from many threads. Failures are <see cref="Errors.EngineException"/>s naming the device and the kernel's reason.
/// </summary>
public interface IBridgeDataplane
{
    /// <summary>Creates the bridge if missing, sets MTU and addresses (replacing others), brings it up, and turns on IPv4 forwarding and <c>route_localnet</c> on it (published ports on 127.0.0.1).</summary>
    void EnsureBridge(BridgeSpec bridge);

    void RemoveBridge(string name);

    /// <summary>Prepares a new namespace made by <see cref="Wharf.Linux.NetworkNamespace.Create"/>: loopback up (the embedded DNS listens on 127.0.0.11).</summary>
    void InitializeNamespace(string namespacePath);

    /// <summary>Creates and configures the veth pair; on failure nothing of it is left.</summary>
    void AddEndpoint(VethEndpointSpec endpoint);

    /// <summary>Deletes the host end (the kernel deletes its peer); a missing link is fine.</summary>
    void RemoveEndpoint(string hostInterfaceName);

    /// <summary>Names of the host's links starting with <paramref name="prefix"/> (reconcile: <c>wv</c> veths, <c>br-</c> bridges).</summary>
    IReadOnlyList<string> ListLinks(string prefix);

    /// <summary>IPv4 routes of the host's main table as destination networks (choosing subnets that do not clash).</summary>
    IReadOnlyList<System.Net.IPNetwork> HostRoutes();
}
