using System.Globalization;
using System.Net;

namespace Wharf.Engine.Networking.Dns;

/// <summary>The address a PTR question is about: <c>d.c.b.a.in-addr.arpa</c> or the 32 nibbles of <c>ip6.arpa</c>.</summary>
internal static class DnsReverseName
{
    private const string Ipv4Suffix = ".in-addr.arpa";
    private const string Ipv6Suffix = ".ip6.arpa";

    public static bool TryParse(string name, out IPAddress? address)
    {
        address = null;
        var text = name.AsSpan();
        if (text.EndsWith(Ipv4Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseIpv4(text[..^Ipv4Suffix.Length], out address);
        }

        if (text.EndsWith(Ipv6Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseIpv6(text[..^Ipv6Suffix.Length], out address);
        }

        return false;
    }

    private static bool TryParseIpv4(ReadOnlySpan<char> labels, out IPAddress? address)
    {
        address = null;
        Span<byte> octets = stackalloc byte[4];
        var index = 3;
        foreach (var range in labels.Split('.'))
        {
            var label = labels[range];
            if (index < 0 || label.IsEmpty || label.Length > 3 || (label.Length > 1 && label[0] == '0')
                || !byte.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out octets[index]))
            {
                return false;
            }

            index--;
        }

        if (index != -1)
        {
            return false;
        }

        address = new IPAddress(octets);
        return true;
    }

    private static bool TryParseIpv6(ReadOnlySpan<char> labels, out IPAddress? address)
    {
        address = null;
        if (labels.Length != 63)
        {
            return false;
        }

        Span<byte> octets = stackalloc byte[16];
        for (var nibble = 0; nibble < 32; nibble++)
        {
            if (nibble < 31 && labels[(nibble * 2) + 1] != '.')
            {
                return false;
            }

            var value = HexValue(labels[nibble * 2]);
            if (value < 0)
            {
                return false;
            }

            // Nibbles come least significant first: the last label is the high nibble of the first octet.
            var position = 31 - nibble;
            octets[position / 2] |= (byte)(position % 2 == 0 ? value << 4 : value);
        }

        address = new IPAddress(octets);
        return true;
    }

    private static int HexValue(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'f' => character - 'a' + 10,
        >= 'A' and <= 'F' => character - 'A' + 10,
        _ => -1,
    };
}
