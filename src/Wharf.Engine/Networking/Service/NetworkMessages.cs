using System.Net;

namespace Wharf.Engine.Networking.Service;

/// <summary>dockerd's (libnetwork's) wording for network errors; the CLI shows them as they are.</summary>
internal static class NetworkMessages
{
    public const string PoolOverlap = "Pool overlaps with other one on this address space";

    public const string AddressInUse = "Address already in use";

    public const string NoPoolAvailable = "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network";

    public const string UserIpOnDefaultBridge = "user specified IP address is supported on user defined networks only";

    public const string UserIpWithoutSubnet = "user specified IP address is supported only when connecting to networks with user configured subnets";

    public static string NotFound(string nameOrId) => $"network {nameOrId} not found";

    public static string NameExists(string name) => $"network with name {name} already exists";

    public static string Predefined(string name) => $"operation is not permitted on predefined {name} network ";

    public static string PredefinedRemove(string name) => $"{name} is a pre-defined network and cannot be removed";

    public static string ActiveEndpoints(string name, string id) => $"error while removing network: network {name} id {id} has active endpoints";

    public static string PluginNotFound(string driver) => $"plugin \"{driver}\" not found";

    public static string OnlyOneInstance(string driver) => $"only one instance of \"{driver}\" network is allowed";

    public static string Ambiguous(string term, int count, bool byName) =>
        byName ? $"network {term} is ambiguous ({count} matches found on name)" : $"network {term} is ambiguous ({count} matches found based on ID prefix)";

    public static string NoAddresses(int version, string name, string id) => $"no available IPv{version} addresses on this network's address pools: {name} ({id})";

    public static string OutsideSubnet(IPAddress address) => $"invalid endpoint settings:\nno configured subnet or ip-range contain the IP address {address}";

    public static string EndpointExists(string container, string network) => $"endpoint with name {container} already exists in network {network}";
}
