using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Engine.Errors;
using Wharf.Engine.Images;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Networking.Service;

public sealed partial class NetworkService
{
    private static readonly string[] ListFilterKeys = ["dangling", "driver", "id", "label", "name", "scope", "type"];

    /// <summary>A pattern given as a filter must not hang the daemon.</summary>
    private static readonly TimeSpan FilterPatternTimeout = TimeSpan.FromMilliseconds(100);

    public IReadOnlyList<NetworkResource> List(string? filtersJson)
    {
        var filters = ImageFilters.Parse(filtersJson, ListFilterKeys);
        foreach (var type in filters.Get("type"))
        {
            if (type is not ("custom" or "builtin"))
            {
                throw EngineException.InvalidParameter($"invalid filter: 'type'='{type}'");
            }
        }

        var dangling = filters.Boolean("dangling");
        List<(NetworkEntry Entry, bool InUse)> snapshot;
        lock (_gate)
        {
            snapshot = [.. _networks.Select(n => (n, HasEndpoints(n.Info.Id)))];
        }

        return [.. snapshot
            .Where(s => Matches(filters, s.Entry, s.InUse, dangling))
            .Select(s => ToResource(s.Entry, []))];
    }

    public NetworkResource Inspect(string nameOrId, bool verbose, string? scope)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        if (!string.IsNullOrEmpty(scope) && scope != "local")
        {
            throw EngineException.NotFound(NetworkMessages.NotFound(nameOrId));
        }

        NetworkEntry entry;
        List<EndpointLease> leases;
        lock (_gate)
        {
            entry = Find(nameOrId) ?? throw EngineException.NotFound(NetworkMessages.NotFound(nameOrId));
            leases = _leases.TryGetValue(entry.Info.Id, out var onNetwork) ? [.. onNetwork.Values] : [];
        }

        // Names come from the container service, asked outside the gate so the two never wait on each other.
        var containers = new Dictionary<string, NetworkContainer>(StringComparer.Ordinal);
        foreach (var lease in leases)
        {
            containers[lease.ContainerId] = new NetworkContainer
            {
                Name = ContainerName(lease.ContainerId),
                EndpointID = lease.EndpointId,
                MacAddress = lease.MacAddress,
                IPv4Address = lease.IPv4 is { } v4 ? v4 + "/" + lease.PrefixLength.ToString(CultureInfo.InvariantCulture) : "",
                IPv6Address = lease.IPv6 is { } v6 ? v6 + "/" + lease.PrefixLengthV6.ToString(CultureInfo.InvariantCulture) : "",
            };
        }

        return ToResource(entry, containers);
    }

    private string ContainerName(string containerId)
    {
        try
        {
            return _containers.Get(containerId).Name.TrimStart('/');
        }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound)
        {
            return containerId;
        }
    }

    private static bool Matches(ImageFilters filters, NetworkEntry entry, bool inUse, bool? dangling)
    {
        var info = entry.Info;
        var builtin = IsPredefined(entry);
        if (filters.Contains("driver") && !filters.Get("driver").Contains(info.Driver))
        {
            return false;
        }

        if (filters.Contains("id") && !filters.Get("id").Any(term => FilterMatch(term, info.Id)))
        {
            return false;
        }

        if (filters.Contains("name") && !filters.Get("name").Any(term => FilterMatch(term, info.Name)))
        {
            return false;
        }

        if (filters.Contains("scope") && !filters.Get("scope").Contains("local"))
        {
            return false;
        }

        if (filters.Contains("type") && !filters.Get("type").Contains(builtin ? "builtin" : "custom"))
        {
            return false;
        }

        if (!filters.LabelsMatch("label", info.Labels))
        {
            return false;
        }

        return dangling switch
        {
            true => !builtin && !inUse,
            false => builtin || inUse,
            null => true,
        };
    }

    /// <summary>moby's filters.Args.Match: equal, or the term as a regular expression found in the value.</summary>
    private static bool FilterMatch(string term, string value)
    {
        if (term == value)
        {
            return true;
        }

        try
        {
            return Regex.IsMatch(value, term, RegexOptions.None, FilterPatternTimeout);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static NetworkResource ToResource(NetworkEntry entry, Dictionary<string, NetworkContainer> containers)
    {
        var stored = entry.Stored;
        var info = entry.Info;
        List<IpamPoolConfig> pools = [];
        Dictionary<string, string>? auxiliary = stored.AuxiliaryAddresses.Count > 0 ? new(stored.AuxiliaryAddresses, StringComparer.Ordinal) : null;
        if (stored.Subnet is not null)
        {
            pools.Add(new IpamPoolConfig
            {
                Subnet = stored.Subnet,
                IPRange = stored.IPRange,
                Gateway = stored.Gateway,
                AuxiliaryAddresses = auxiliary is null ? null : Within(auxiliary, info.Subnet),
            });
        }

        if (stored.EnableIPv6 && stored.SubnetV6 is not null)
        {
            pools.Add(new IpamPoolConfig
            {
                Subnet = stored.SubnetV6,
                IPRange = stored.IPRangeV6,
                Gateway = stored.GatewayV6,
                AuxiliaryAddresses = auxiliary is null ? null : Within(auxiliary, info.SubnetV6),
            });
        }

        return new NetworkResource
        {
            Name = info.Name,
            Id = info.Id,
            Created = GoTime.FormatRfc3339Nano(info.Created),
            Scope = "local",
            Driver = info.Driver,
            EnableIPv4 = true,
            EnableIPv6 = info.EnableIPv6,
            IPAM = new NetworkIpam
            {
                Driver = stored.IpamDriver,
                Config = pools,
                Options = stored.IpamOptions is null ? null : new Dictionary<string, string>(stored.IpamOptions, StringComparer.Ordinal),
            },
            Internal = info.Internal,
            Attachable = stored.Attachable,
            Containers = containers,
            Options = new Dictionary<string, string>(stored.Options, StringComparer.Ordinal),
            Labels = new Dictionary<string, string>(stored.Labels, StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, string>? Within(Dictionary<string, string> addresses, System.Net.IPNetwork? subnet)
    {
        var inside = addresses.Where(a => subnet is { } s && AddressMath.ParseAddress(a.Value) is { } address && s.Contains(address))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return inside.Count > 0 ? inside : null;
    }
}
