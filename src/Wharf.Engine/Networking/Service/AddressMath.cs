using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Engine.Networking.Service;

/// <summary>IPv4 and IPv6 addresses as numbers, so that ranges can be walked and compared the same way for both families.</summary>
internal static class AddressMath
{
    public static int BitsOf(AddressFamily family) => family == AddressFamily.InterNetwork ? 32 : 128;

    public static UInt128 ToNumber(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        UInt128 value = 0;
        foreach (var part in address.GetAddressBytes())
        {
            value = (value << 8) | part;
        }

        return value;
    }

    public static IPAddress FromNumber(UInt128 value, AddressFamily family)
    {
        var bytes = new byte[BitsOf(family) / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xff);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    public static UInt128 First(IPNetwork network) => ToNumber(network.BaseAddress);

    public static UInt128 Last(IPNetwork network)
    {
        var hostBits = BitsOf(network.BaseAddress.AddressFamily) - network.PrefixLength;
        // UInt128 shifts are taken modulo 128, so a /0 IPv6 network needs its own case.
        var size = hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return First(network) + size;
    }

    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    /// <summary>The network <paramref name="address"/> is in, host bits cleared.</summary>
    public static IPNetwork Masked(IPAddress address, int prefixLength)
    {
        var bits = BitsOf(address.AddressFamily);
        var hostBits = bits - prefixLength;
        var mask = hostBits >= 128 ? UInt128.Zero : UInt128.MaxValue << hostBits;
        if (bits == 32)
        {
            mask &= uint.MaxValue;
        }

        return new IPNetwork(FromNumber(ToNumber(address) & mask, address.AddressFamily), prefixLength);
    }

    /// <summary>Go's netip.ParsePrefix: <c>address/bits</c>, host bits allowed, no IPv4-mapped or zone forms.</summary>
    public static bool TryParsePrefix(string? text, out IPAddress address, out int prefixLength)
    {
        address = IPAddress.None;
        prefixLength = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !TryParseAddress(text[..slash], out var parsed)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            || bits > BitsOf(parsed.AddressFamily)
            || (text.Length - slash - 1 > 1 && text[slash + 1] == '0'))
        {
            return false;
        }

        address = parsed;
        prefixLength = bits;
        return true;
    }

    /// <summary>Go's netip.ParseAddr: dotted quads with exactly four parts, or IPv6 without a zone.</summary>
    public static bool TryParseAddress(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrEmpty(text) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            var parts = text.Split('.');
            if (parts.Length != 4 || parts.Any(p => p.Length == 0 || p.Length > 3 || (p.Length > 1 && p[0] == '0') || !p.All(char.IsAsciiDigit)))
            {
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>A prefix in its canonical text (<c>172.18.0.0/16</c>), host bits cleared.</summary>
    public static string Format(IPNetwork network) => network.BaseAddress + "/" + network.PrefixLength.ToString(CultureInfo.InvariantCulture);

    public static IPNetwork? ParseNetwork(string? text) =>
        TryParsePrefix(text, out var address, out var prefixLength) ? Masked(address, prefixLength) : null;

    public static IPAddress? ParseAddress(string? text) => TryParseAddress(text, out var address) ? address : null;
}
