using Wharf.Api;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// docker/cli's parseNetworkOpts: the endpoint settings per <c>--network</c>, with the old per-container flags
/// (<c>--network-alias</c>, <c>--link</c>, <c>--ip</c>, <c>--ip6</c>, <c>--mac-address</c>, <c>--link-local-ip</c>)
/// applied to the first network. A single network without settings is left out, as docker leaves it out.
/// </summary>
public static class NetworkEndpoints
{
    public static Dictionary<string, EndpointSettings> Build(IReadOnlyList<NetworkAttachment> networks, ParsedFlags flags, string macAddress)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(flags);
        var endpoints = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal);
        if (networks.Count == 0)
        {
            endpoints["default"] = ToEndpoint(ApplyContainerOptions(new NetworkAttachment { Target = "default" }, flags, macAddress));
            return endpoints;
        }

        var userDefined = false;
        var builtIn = false;
        for (var i = 0; i < networks.Count; i++)
        {
            var network = networks[i];
            if (NetworkAttachment.IsUserDefined(network.Target))
            {
                userDefined = true;
            }
            else
            {
                builtIn = true;
            }

            if (i == 0)
            {
                network = ApplyContainerOptions(network, flags, macAddress);
            }

            var endpoint = ToEndpoint(network);
            if (endpoints.ContainsKey(network.Target))
            {
                throw new FormatException($"network {GoParse.Quote(network.Target)} is specified multiple times");
            }

            if (i == 0 && networks.Count == 1 && IsEmpty(endpoint))
            {
                continue;
            }

            endpoints[network.Target] = endpoint;
        }

        if (userDefined && builtIn)
        {
            throw new FormatException("conflicting options: cannot attach both user-defined and non-user-defined network-modes");
        }

        return endpoints;
    }

    private static NetworkAttachment ApplyContainerOptions(NetworkAttachment network, ParsedFlags flags, string macAddress)
    {
        var aliases = flags.GetList("network-alias").Concat(flags.GetList("net-alias")).ToList();
        var links = flags.GetList("link");
        var ipv4 = flags.GetString("ip", "");
        var ipv6 = flags.GetString("ip6", "");
        var linkLocal = flags.GetList("link-local-ip");
        if (network.Aliases.Count > 0 && aliases.Count > 0)
        {
            throw new FormatException("conflicting options: cannot specify both --network-alias and per-network alias");
        }

        if (network.Links.Count > 0 && links.Count > 0)
        {
            throw new FormatException("conflicting options: cannot specify both --link and per-network links");
        }

        if (network.IPv4Address.Length > 0 && ipv4.Length > 0)
        {
            throw new FormatException("conflicting options: cannot specify both --ip and per-network IPv4 address");
        }

        if (network.IPv6Address.Length > 0 && ipv6.Length > 0)
        {
            throw new FormatException("conflicting options: cannot specify both --ip6 and per-network IPv6 address");
        }

        if (network.MacAddress.Length > 0 && macAddress.Length > 0)
        {
            throw new FormatException("conflicting options: cannot specify both --mac-address and per-network MAC address");
        }

        if (network.LinkLocalIps.Count > 0 && linkLocal.Count > 0)
        {
            throw new FormatException("conflicting options: cannot specify both --link-local-ip and per-network link-local IP addresses");
        }

        return network with
        {
            Aliases = aliases.Count > 0 ? aliases : network.Aliases,

            // For a user-defined network --link is an alias; on the default bridge it stays a legacy link (HostConfig.Links).
            Links = NetworkAttachment.IsUserDefined(network.Target) && links.Count > 0 ? [.. links] : network.Links,
            IPv4Address = ipv4.Length > 0 ? ipv4 : network.IPv4Address,
            IPv6Address = ipv6.Length > 0 ? ipv6 : network.IPv6Address,
            MacAddress = macAddress.Length > 0 ? macAddress : network.MacAddress,
            LinkLocalIps = linkLocal.Count > 0 ? [.. linkLocal] : network.LinkLocalIps,
        };
    }

    private static EndpointSettings ToEndpoint(NetworkAttachment network)
    {
        if (network.Target.Trim().Length == 0)
        {
            throw new FormatException("no name set for network");
        }

        if (!NetworkAttachment.IsUserDefined(network.Target))
        {
            if (network.Aliases.Count > 0)
            {
                throw new FormatException("network-scoped aliases are only supported for user-defined networks");
            }

            if (network.Links.Count > 0)
            {
                throw new FormatException("links are only supported for user-defined networks");
            }
        }

        var hasIpam = network.IPv4Address.Length > 0 || network.IPv6Address.Length > 0 || network.LinkLocalIps.Count > 0;
        return new EndpointSettings
        {
            GwPriority = network.GatewayPriority,
            Aliases = network.Aliases.Count > 0 ? network.Aliases : null,
            DriverOpts = network.DriverOptions is { Count: > 0 } ? network.DriverOptions : null,
            Links = network.Links.Count > 0 ? network.Links : null,
            IPAMConfig = hasIpam
                ? new EndpointIpamConfig
                {
                    IPv4Address = network.IPv4Address.Length > 0 ? network.IPv4Address : null,
                    IPv6Address = network.IPv6Address.Length > 0 ? network.IPv6Address : null,
                    LinkLocalIPs = network.LinkLocalIps.Count > 0 ? network.LinkLocalIps : null,
                }
                : null,
            MacAddress = network.MacAddress,
        };
    }

    private static bool IsEmpty(EndpointSettings endpoint) =>
        endpoint.IPAMConfig is null && endpoint.Links is null && endpoint.Aliases is null && endpoint.DriverOpts is null
        && endpoint.GwPriority == 0 && endpoint.MacAddress.Length == 0;
}
