using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Cli.Commands.Containers.Create;

namespace Wharf.Cli.Commands.Networks;

/// <summary>Go's net.ParseCIDR and IPNet.Contains, as docker's network create checks subnets, ranges and gateways with them.</summary>
public sealed class GoCidr
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private GoCidr(IPAddress address, byte[] network, int prefixLength)
    {
        Address = address;
        _network = network;
        _prefixLength = prefixLength;
    }

    /// <summary>The address as written (<c>10.0.0.1</c> of <c>10.0.0.1/8</c>), what ParseCIDR returns beside the network.</summary>
    public IPAddress Address { get; }

    /// <summary>net.ParseCIDR: "addr/len" with a Go-strict address and a decimal length within the family's bits.</summary>
    public static GoCidr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !GoIp.TryParse(text[..slash], out var address))
        {
            throw Invalid(text);
        }

        var lengthText = text[(slash + 1)..];
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (lengthText.Length == 0 || lengthText.Any(c => c is < '0' or > '9') || lengthText.Length > 3
            || int.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture) is var prefix && prefix > bits)
        {
            throw Invalid(text);
        }

        return new GoCidr(address, Mask(address.GetAddressBytes(), prefix), prefix);
    }

    /// <summary>IPNet.Contains: an IPv4-mapped IPv6 address counts as IPv4; other families never match.</summary>
    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return bytes.Length == _network.Length && Mask(bytes, _prefixLength).AsSpan().SequenceEqual(_network);
    }

    private static byte[] Mask(byte[] bytes, int prefixLength)
    {
        var masked = new byte[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsHere = Math.Clamp(prefixLength - (i * 8), 0, 8);
            masked[i] = (byte)(bytes[i] & (byte)(0xFF << (8 - bitsHere)));
        }

        return masked;
    }

    private static FormatException Invalid(string text) => new("invalid CIDR address: " + text);
}
