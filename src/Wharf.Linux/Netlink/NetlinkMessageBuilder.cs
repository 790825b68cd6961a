using System.Buffers.Binary;
using System.Text;

namespace Wharf.Linux.Netlink;

/// <summary>
/// Builds one netlink request: the 16-byte header, a family header (ifinfomsg, ifaddrmsg, rtmsg), then attributes,
/// nested ones included, each padded to 4 bytes. Integers are host order (little-endian on the machines we run on);
/// addresses are raw network-order bytes, as the kernel expects.
/// </summary>
public sealed class NetlinkMessageBuilder
{
    private const int AttributeHeaderLength = 4;
    private const ushort NestedFlag = 0x8000;

    private byte[] buffer = new byte[512];
    private int length;

    public NetlinkMessageBuilder(ushort type, ushort flags)
    {
        Type = type;
        Flags = flags;
        length = NetlinkMessage.HeaderLength;
    }

    public ushort Type { get; }

    public ushort Flags { get; }

    public int Length => length;

    public static int Align(int value) => (value + 3) & ~3;

    /// <summary>struct ifinfomsg: family, type, index, flags and the mask of flags to change.</summary>
    public NetlinkMessageBuilder AddInterfaceInfo(byte family, int index, uint flags, uint change)
    {
        var span = Reserve(16);
        span[0] = family;
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], index);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], change);
        return this;
    }

    /// <summary>struct ifaddrmsg.</summary>
    public NetlinkMessageBuilder AddAddressInfo(byte family, byte prefixLength, byte flags, byte scope, int index)
    {
        var span = Reserve(8);
        span[0] = family;
        span[1] = prefixLength;
        span[2] = flags;
        span[3] = scope;
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], index);
        return this;
    }

    /// <summary>struct rtmsg (no source prefix, no TOS, no flags).</summary>
    public NetlinkMessageBuilder AddRouteInfo(byte family, byte destinationLength, byte table, byte protocol, byte scope, byte routeType)
    {
        var span = Reserve(12);
        span[0] = family;
        span[1] = destinationLength;
        span[4] = table;
        span[5] = protocol;
        span[6] = scope;
        span[7] = routeType;
        return this;
    }

    public NetlinkMessageBuilder AddUInt32(ushort type, uint value)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        return AddBytes(type, data);
    }

    /// <summary>A NUL-terminated string attribute (IFLA_IFNAME, IFLA_INFO_KIND).</summary>
    public NetlinkMessageBuilder AddString(ushort type, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var span = ReserveAttribute(type, byteCount + 1);
        Encoding.UTF8.GetBytes(value, span);
        span[byteCount] = 0;
        return this;
    }

    public NetlinkMessageBuilder AddBytes(ushort type, ReadOnlySpan<byte> value)
    {
        value.CopyTo(ReserveAttribute(type, value.Length));
        return this;
    }

    /// <summary>Opens a nested attribute; pass the returned offset to <see cref="EndNested"/> once its content is added.</summary>
    public int BeginNested(ushort type)
    {
        var start = length;
        _ = ReserveAttribute((ushort)(type | NestedFlag), 0);
        return start;
    }

    public NetlinkMessageBuilder EndNested(int start)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(start), checked((ushort)(length - start)));
        return this;
    }

    /// <summary>The finished message with its length, sequence number and <paramref name="extraFlags"/> filled in (a view of the builder's buffer).</summary>
    public ReadOnlySpan<byte> Finish(uint sequence, ushort extraFlags = 0)
    {
        var header = buffer.AsSpan(0, NetlinkMessage.HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)(Flags | extraFlags));
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        return buffer.AsSpan(0, length);
    }

    private Span<byte> ReserveAttribute(ushort type, int payloadLength)
    {
        var span = Reserve(AttributeHeaderLength + payloadLength);
        BinaryPrimitives.WriteUInt16LittleEndian(span, checked((ushort)(AttributeHeaderLength + payloadLength)));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], type);
        return span[AttributeHeaderLength..];
    }

    /// <summary>Appends <paramref name="size"/> zeroed bytes, padded to 4, and returns the unpadded part.</summary>
    private Span<byte> Reserve(int size)
    {
        var padded = Align(size);
        if (length + padded > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + padded));
        }

        var span = buffer.AsSpan(length, padded);
        span.Clear();
        length += padded;
        return span[..size];
    }
}
