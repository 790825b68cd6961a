using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Networking.Service;

public sealed partial class NetworkService
{
    public EndpointLease Allocate(string networkId, string containerId, IPAddress? requestedIPv4, IPAddress? requestedIPv6, string? requestedMac, IReadOnlyList<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(networkId);
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var mac = requestedMac is { Length: > 0 } ? NormalizeMac(requestedMac) : null;
        lock (_gate)
        {
            var entry = FindById(networkId) ?? Find(networkId) ?? throw EngineException.NotFound(NetworkMessages.NotFound(networkId));
            var network = entry.Info;
            if (!network.IsBridge)
            {
                throw EngineException.InvalidParameter($"network {network.Name} does not hand out addresses");
            }

            var leases = LeasesFor(network.Id);
            if (leases.ContainsKey(containerId))
            {
                throw EngineException.Forbidden(NetworkMessages.EndpointExists(containerId, network.Name));
            }

            var ipv4 = PickAddress(entry, 4, requestedIPv4, leases.Values.Select(l => l.IPv4));
            var ipv6 = PickAddress(entry, 6, requestedIPv6, leases.Values.Select(l => l.IPv6));
            var row = new LeaseRow(network.Id, containerId, NewId(), ipv4?.ToString(), ipv6?.ToString(), mac ?? MacFor(ipv4), [.. aliases ?? []]);
            if (!_table.TryInsertLease(row))
            {
                throw EngineException.Forbidden(NetworkMessages.AddressInUse);
            }

            var lease = ToLease(row, network);
            leases[containerId] = lease;
            return lease;
        }
    }

    public void Release(string networkId, string containerId)
    {
        ArgumentNullException.ThrowIfNull(networkId);
        ArgumentNullException.ThrowIfNull(containerId);
        lock (_gate)
        {
            var id = FindById(networkId)?.Info.Id ?? networkId;
            if (_leases.TryGetValue(id, out var leases) && leases.Remove(containerId))
            {
                _table.DeleteLease(id, containerId);
            }
        }
    }

    /// <summary>Docker's MAC for a container address: 02:42 and the four bytes of the IPv4 address (random without one).</summary>
    public static string MacFor(IPAddress? ipv4)
    {
        var bytes = new byte[6];
        bytes[0] = 0x02;
        bytes[1] = 0x42;
        if (ipv4 is { AddressFamily: AddressFamily.InterNetwork })
        {
            ipv4.GetAddressBytes().CopyTo(bytes, 2);
        }
        else
        {
            RandomNumberGenerator.Fill(bytes.AsSpan(2));
        }

        return string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The requested address after dockerd's checks, or the lowest free one of the range (as libnetwork hands out
    /// addresses, so a new container gets .2 again once the last one is gone). The subnet's first address, its
    /// broadcast address (IPv4), the gateway and the auxiliary addresses are never handed out; like libnetwork, an
    /// ip-range's own first address is (10.1.8.0 of 10.1.8.0/24 in 10.1.0.0/16 is an ordinary host address).
    /// </summary>
    private static IPAddress? PickAddress(NetworkEntry entry, int version, IPAddress? requested, IEnumerable<IPAddress?> leased)
    {
        var network = entry.Info;
        var family = version == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        var subnet = version == 4 ? network.Subnet : network.EnableIPv6 ? network.SubnetV6 : null;
        var gateway = version == 4 ? network.Gateway : network.GatewayV6;
        var range = version == 4 ? network.IPRange : AddressMath.ParseNetwork(entry.Stored.IPRangeV6);
        if (subnet is not { } pool)
        {
            return requested is null ? null : throw EngineException.InvalidParameter(NetworkMessages.OutsideSubnet(requested));
        }

        var reserved = leased.OfType<IPAddress>().Where(a => a.AddressFamily == family).Select(AddressMath.ToNumber).ToHashSet();
        if (gateway is not null)
        {
            reserved.Add(AddressMath.ToNumber(gateway));
        }

        foreach (var aux in entry.Stored.AuxiliaryAddresses.Values)
        {
            if (AddressMath.ParseAddress(aux) is { } address && address.AddressFamily == family)
            {
                reserved.Add(AddressMath.ToNumber(address));
            }
        }

        var first = AddressMath.First(pool);
        var last = AddressMath.Last(pool);
        var lowest = first + 1;
        var highest = version == 4 && last > lowest ? last - 1 : last;
        if (requested is not null)
        {
            if (entry.Stored.IsDefaultBridge)
            {
                throw EngineException.InvalidParameter(NetworkMessages.UserIpOnDefaultBridge);
            }

            if (!(version == 4 ? entry.Stored.UserSubnet : entry.Stored.UserSubnetV6))
            {
                throw EngineException.InvalidParameter(NetworkMessages.UserIpWithoutSubnet);
            }

            if (requested.AddressFamily != family || !pool.Contains(requested))
            {
                throw EngineException.InvalidParameter(NetworkMessages.OutsideSubnet(requested));
            }

            var number = AddressMath.ToNumber(requested);
            if (number < lowest || number > highest || reserved.Contains(number))
            {
                throw EngineException.Forbidden(NetworkMessages.AddressInUse);
            }

            return requested;
        }

        if (range is { } subRange)
        {
            lowest = UInt128.Max(lowest, AddressMath.First(subRange));
            highest = UInt128.Min(highest, AddressMath.Last(subRange));
        }

        // At most reserved.Count addresses are skipped, so this ends quickly even on a /64.
        for (var candidate = lowest; candidate <= highest; candidate++)
        {
            if (!reserved.Contains(candidate))
            {
                return AddressMath.FromNumber(candidate, family);
            }

            if (candidate == highest)
            {
                break;
            }
        }

        throw EngineException.Unavailable(NetworkMessages.NoAddresses(version, network.Name, network.Id));
    }

    /// <summary>A MAC as given to <c>--mac-address</c> (colons or dashes), in the lower-case colon form the kernel shows.</summary>
    private static string NormalizeMac(string mac)
    {
        var parts = mac.Split(mac.Contains('-', StringComparison.Ordinal) ? '-' : ':');
        if (parts.Length != 6 || parts.Any(p => p.Length != 2 || !p.All(char.IsAsciiHexDigit)))
        {
            throw EngineException.InvalidParameter($"{mac} is not a valid mac address");
        }

        return string.Join(':', parts).ToLowerInvariant();
    }
}
