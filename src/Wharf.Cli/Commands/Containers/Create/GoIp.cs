using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>Go's net.ParseIP: dotted IPv4 without leading zeros, or IPv6 without a zone; nothing .NET's looser parser also takes.</summary>
public static class GoIp
{
    public static bool TryParse(string text, out IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal)
                || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            address = v6;
            return true;
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }

            bytes[i] = (byte)value;
        }

        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>Go's IP.String(): IPv4-mapped addresses print as IPv4.</summary>
    public static string Format(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
