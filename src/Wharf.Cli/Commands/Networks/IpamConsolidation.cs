using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;

namespace Wharf.Cli.Commands.Networks;

/// <summary>
/// docker/cli's createIPAMConfig: the <c>--subnet</c>s of network create, each paired with the <c>--ip-range</c>,
/// <c>--gateway</c> and <c>--aux-address</c> values that fall inside it, with docker's errors for everything that
/// pairs with no subnet or twice with one. Pools keep the order the subnets were given in.
/// </summary>
public static class IpamConsolidation
{
    public static NetworkIpam Build(string driver, IReadOnlyList<string> subnets, IReadOnlyList<string> ipRanges, IReadOnlyList<string> gateways, IReadOnlyDictionary<string, string> auxAddresses, Dictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        ArgumentNullException.ThrowIfNull(ipRanges);
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(auxAddresses);
        if (subnets.Count < ipRanges.Count || subnets.Count < gateways.Count)
        {
            throw new FormatException("every ip-range or gateway must have a corresponding subnet");
        }

        var pools = new List<Pool>();
        foreach (var subnet in subnets)
        {
            foreach (var existing in pools)
            {
                if (SubnetMatches(subnet, existing.Subnet) || SubnetMatches(existing.Subnet, subnet))
                {
                    throw new FormatException("multiple overlapping subnet configuration is not supported");
                }
            }

            pools.Add(new Pool(subnet));
        }

        foreach (var range in ipRanges)
        {
            var matched = false;
            foreach (var pool in pools)
            {
                GoCidr.Parse(range);
                if (!SubnetMatches(pool.Subnet, range))
                {
                    continue;
                }

                if (pool.IPRange is not null)
                {
                    throw new FormatException($"cannot configure multiple ranges ({range}, {pool.IPRange}) on the same subnet ({pool.Subnet})");
                }

                pool.IPRange = range;
                matched = true;
            }

            if (!matched)
            {
                throw new FormatException("no matching subnet for range " + range);
            }
        }

        foreach (var gateway in gateways)
        {
            var matched = false;
            foreach (var pool in pools)
            {
                if (!SubnetMatches(pool.Subnet, gateway))
                {
                    continue;
                }

                if (pool.Gateway is not null)
                {
                    throw new FormatException($"cannot configure multiple gateways ({gateway}, {pool.Gateway}) for the same subnet ({pool.Subnet})");
                }

                pool.Gateway = gateway;
                matched = true;
            }

            if (!matched)
            {
                throw new FormatException("no matching subnet for gateway " + gateway);
            }
        }

        foreach (var (key, address) in auxAddresses)
        {
            var matched = false;
            foreach (var pool in pools.Where(pool => SubnetMatches(pool.Subnet, address)))
            {
                pool.AuxiliaryAddresses[key] = address;
                matched = true;
            }

            if (!matched)
            {
                throw new FormatException("no matching subnet for aux-address " + address);
            }
        }

        return new NetworkIpam
        {
            Driver = driver,
            Config = pools.Select(pool => new IpamPoolConfig
            {
                Subnet = pool.Subnet,
                IPRange = pool.IPRange,
                Gateway = pool.Gateway,
                AuxiliaryAddresses = pool.AuxiliaryAddresses.Count > 0 ? pool.AuxiliaryAddresses : null,
            }).ToList(),
            Options = options,
        };
    }

    /// <summary>docker's subnetMatches: whether the address (or a CIDR's address) lies in the subnet.</summary>
    private static bool SubnetMatches(string subnet, string data)
    {
        GoCidr network;
        try
        {
            network = GoCidr.Parse(subnet);
        }
        catch (FormatException ex)
        {
            throw new FormatException("invalid subnet: " + ex.Message, ex);
        }

        if (data.Contains('/', StringComparison.Ordinal))
        {
            return network.Contains(GoCidr.Parse(data).Address);
        }

        return GoIp.TryParse(data, out var address) && network.Contains(address);
    }

    private sealed class Pool(string subnet)
    {
        public string Subnet { get; } = subnet;

        public string? IPRange { get; set; }

        public string? Gateway { get; set; }

        public Dictionary<string, string> AuxiliaryAddresses { get; } = new(StringComparer.Ordinal);
    }
}
