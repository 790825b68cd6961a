using System.Net;
using Wharf.Api;

namespace Wharf.Engine.Networking.Service;

/// <summary>Picks subnets for networks from address pools, like libnetwork's default IPAM: the first that overlaps nothing in use.</summary>
internal static class SubnetChooser
{
    /// <summary>dockerd's default pools: 172.17.0.0/16 to 172.31.0.0/16, then 192.168.0.0/16 cut into /20s.</summary>
    public static readonly IReadOnlyList<AddressPool> DockerDefaultPools =
    [
        .. Enumerable.Range(17, 15).Select(second => new AddressPool($"172.{second}.0.0/16", 16)),
        new AddressPool("192.168.0.0/16", 20),
    ];

    /// <summary>The first IPv4 subnet of <paramref name="pools"/> that overlaps none of <paramref name="taken"/>; null when all do.</summary>
    public static IPNetwork? Choose(IReadOnlyList<AddressPool> pools, IEnumerable<IPNetwork> taken)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var busy = taken.ToList();
        foreach (var candidate in Candidates(pools))
        {
            if (!busy.Any(used => AddressMath.Overlaps(used, candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Every subnet of every pool, in order; a pool whose base does not parse or whose size is smaller than its base is skipped.</summary>
    public static IEnumerable<IPNetwork> Candidates(IReadOnlyList<AddressPool> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        foreach (var pool in pools)
        {
            if (AddressMath.ParseNetwork(pool.Base) is not { } poolBase
                || poolBase.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
                || pool.Size < poolBase.PrefixLength
                || pool.Size > 32)
            {
                continue;
            }

            var step = UInt128.One << (32 - pool.Size);
            var last = AddressMath.Last(poolBase);
            for (var start = AddressMath.First(poolBase); start <= last; start += step)
            {
                yield return new IPNetwork(AddressMath.FromNumber(start, poolBase.BaseAddress.AddressFamily), pool.Size);
            }
        }
    }
}
