using System.Net;
using System.Net.Sockets;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Networking.Service;

/// <summary>moby's network.ValidateIPAM: every problem of the IPAM config at once, in its wording.</summary>
internal static class IpamValidation
{
    /// <exception cref="EngineException">InvalidParameter <c>invalid network config:\n…</c>.</exception>
    public static void Validate(NetworkIpam? ipam, bool enableIPv6)
    {
        if (ipam?.Config is not { } configs)
        {
            return;
        }

        var errors = new List<string>();
        foreach (var config in configs)
        {
            if (!AddressMath.TryParsePrefix(config.Subnet, out var address, out var prefixLength))
            {
                errors.Add($"invalid subnet {config.Subnet}: invalid CIDR block notation");
                continue;
            }

            var family = address.AddressFamily;
            if (!enableIPv6 && family == AddressFamily.InterNetworkV6)
            {
                continue;
            }

            var subnet = AddressMath.Masked(address, prefixLength);
            var written = address + "/" + prefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!subnet.BaseAddress.Equals(address))
            {
                errors.Add($"invalid subnet {written}: it should be {AddressMath.Format(subnet)}");
            }

            errors.AddRange(IpRangeErrors(config.IPRange, subnet, family));
            if (AddressError(config.Gateway, subnet, family) is { } gatewayError)
            {
                errors.Add($"invalid gateway {config.Gateway}: {gatewayError}");
            }

            foreach (var (name, aux) in config.AuxiliaryAddresses ?? [])
            {
                if (AddressError(aux, subnet, family) is { } auxError)
                {
                    errors.Add($"invalid auxiliary address {name}: {auxError}");
                }
            }
        }

        if (errors.Count > 0)
        {
            // moby's multierror.Join: one error as it is, several as a "* " list.
            var joined = errors.Count == 1 ? errors[0].Trim() : "* " + string.Join("\n* ", errors.Select(e => e.Replace("\n", "\n\t", StringComparison.Ordinal)));
            throw EngineException.InvalidParameter("invalid network config:\n" + joined);
        }
    }

    private static List<string> IpRangeErrors(string? ipRange, IPNetwork subnet, AddressFamily subnetFamily)
    {
        if (string.IsNullOrEmpty(ipRange))
        {
            return [];
        }

        if (!AddressMath.TryParsePrefix(ipRange, out var address, out var prefixLength))
        {
            return [$"invalid ip-range {ipRange}: invalid CIDR block notation"];
        }

        if (address.AddressFamily != subnetFamily)
        {
            return [$"invalid ip-range {ipRange}: parent subnet is an {FamilyName(subnetFamily)} block"];
        }

        var errors = new List<string>();
        var range = AddressMath.Masked(address, prefixLength);
        if (prefixLength < subnet.PrefixLength)
        {
            errors.Add($"invalid ip-range {ipRange}: CIDR block is bigger than its parent subnet {AddressMath.Format(subnet)}");
        }

        if (!range.BaseAddress.Equals(address))
        {
            errors.Add($"invalid ip-range {ipRange}: it should be {AddressMath.Format(range)}");
        }

        if (!AddressMath.Overlaps(subnet, range))
        {
            errors.Add($"invalid ip-range {ipRange}: parent subnet {AddressMath.Format(subnet)} doesn't contain ip-range");
        }

        return errors;
    }

    private static string? AddressError(string? text, IPNetwork subnet, AddressFamily subnetFamily)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!AddressMath.TryParseAddress(text, out var address))
        {
            return "invalid address";
        }

        if (address.AddressFamily != subnetFamily)
        {
            return $"parent subnet is an {FamilyName(subnetFamily)} block";
        }

        return subnet.Contains(address) ? null : $"parent subnet {AddressMath.Format(subnet)} doesn't contain this address";
    }

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
}
