using System.Buffers.Binary;
using System.Net;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking.Bridge;
using Wharf.Linux.Netlink;

namespace Wharf.Engine.Tests.Networking;

public sealed class NetlinkMessageTests
{
    [Fact]
    public void BuilderLaysOutHeaderFamilyHeaderAndPaddedNestedAttributes()
    {
        var builder = new NetlinkMessageBuilder(16, NetlinkSocket.FlagCreate)
            .AddInterfaceInfo(0, 7, 1, 1)
            .AddString(3, "br0");
        var info = builder.BeginNested(18);
        builder.AddString(1, "bridge").EndNested(info);

        var bytes = builder.Finish(42, NetlinkSocket.FlagRequest | NetlinkSocket.FlagAck).ToArray();

        Assert.Equal(bytes.Length, (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(0x405, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal(42u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(7, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16 + 4)));

        // "br0\0" is 8 bytes with its header; the nest holds "bridge\0" (11 bytes, padded to 12).
        var attributes = NetlinkAttribute.Parse(bytes.AsMemory(32));
        Assert.Equal(2, attributes.Count);
        Assert.Equal("br0", attributes[0].AsString());
        Assert.Equal(18, attributes[1].Type);
        Assert.Equal(0x8000 | 18, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32 + 8 + 2)));
        Assert.Equal(4 + 12, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32 + 8)));
        Assert.Equal("bridge", NetlinkAttribute.Parse(attributes[1].Value)[0].AsString());
        Assert.Equal(32 + 8 + 16, bytes.Length);
    }

    [Fact]
    public void ErrorWithExtendedAckReadsErrnoAndKernelText()
    {
        var message = Error(-22, capped: true, "Unknown device type");

        var (errno, text) = message.ReadError();

        Assert.Equal(22, errno);
        Assert.Equal("Unknown device type", text);
        var exception = new NetlinkException("create link x", errno, text);
        Assert.Equal("create link x: invalid argument (Unknown device type)", exception.Message);
        Assert.Equal("invalid argument (Unknown device type)", exception.Reason);
    }

    [Fact]
    public void PlainAckAndErrnoTextsReadLikeGo()
    {
        Assert.Equal((0, null), Error(0, capped: true, null).ReadError());
        Assert.Equal("operation not permitted", new NetlinkException("x", 1, null).Reason);
        Assert.Equal("file exists", new NetlinkException("x", 17, null).Reason);
        Assert.Equal("no such device", new NetlinkException("x", 19, null).Reason);
    }

    [Fact]
    public void DatagramSplitsIntoMessagesAndIgnoresTruncatedTail()
    {
        var first = new NetlinkMessageBuilder(16, 2).AddInterfaceInfo(0, 1, 0, 0).Finish(5).ToArray();
        var second = new NetlinkMessageBuilder(3, 2).Finish(5).ToArray();
        var datagram = first.Concat(second).Concat(new byte[] { 99, 0, 0, 0, 1 }).ToArray();

        var messages = NetlinkMessage.ParseAll(datagram);

        Assert.Equal([(ushort)16, (ushort)3], messages.Select(m => m.Type));
        Assert.Equal(16, messages[0].Payload.Length);
    }

    [Fact]
    public void ParsesLinkAddressAndRouteMessages()
    {
        var link = new NetlinkMessageBuilder(16, 0).AddInterfaceInfo(0, 9, 0x1043, 0).AddString(3, "wv0123456789a").AddUInt32(4, 1500).AddUInt32(10, 4);
        var info = link.BeginNested(18);
        link.AddString(1, "veth").EndNested(info);
        var parsedLink = RouteNetlink.ParseLink(NetlinkMessage.ParseAll(link.Finish(1).ToArray())[0]);
        Assert.Equal(new LinkDescription(9, "wv0123456789a", "veth", 0x1043, 1500, 4), parsedLink);
        Assert.True(parsedLink.IsUp);

        var address = new NetlinkMessageBuilder(20, 0).AddAddressInfo(2, 16, 0, 0, 9).AddBytes(1, [10, 1, 2, 3]).AddBytes(2, [10, 1, 0, 1]);
        Assert.Equal(new InterfaceAddress(9, IPAddress.Parse("10.1.0.1"), 16, 0), RouteNetlink.ParseAddress(NetlinkMessage.ParseAll(address.Finish(1).ToArray())[0]));

        var route = new NetlinkMessageBuilder(24, 0).AddRouteInfo(2, 24, 254, 3, 0, 1).AddBytes(1, [192, 168, 7, 0]).AddUInt32(4, 3).AddUInt32(15, 254);
        Assert.Equal(new RouteEntry(IPAddress.Parse("192.168.7.0"), 24, 254, 1, 3, null), RouteNetlink.ParseRoute(NetlinkMessage.ParseAll(route.Finish(1).ToArray())[0]));
    }

    [Fact]
    public void MacAddressesParseOrAreRefused()
    {
        Assert.Equal([0x02, 0x42, 0xac, 0x11, 0x00, 0x02], NetlinkBridgeDataplane.ParseMacAddress("02:42:ac:11:00:02"));
        Assert.Null(NetlinkBridgeDataplane.ParseMacAddress(""));
        var refused = Assert.Throws<EngineException>(() => NetlinkBridgeDataplane.ParseMacAddress("02:42:zz:11:00:02"));
        Assert.Equal(ErrorKind.InvalidParameter, refused.Kind);
        Assert.Throws<EngineException>(() => NetlinkBridgeDataplane.ParseMacAddress("02:42:ac:11:00"));
    }

    private static NetlinkMessage Error(int negatedErrno, bool capped, string? extendedAck)
    {
        var payload = new List<byte>();
        var errorField = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(errorField, negatedErrno);
        payload.AddRange(errorField);
        payload.AddRange(new NetlinkMessageBuilder(16, 5).Finish(3).ToArray());
        ushort flags = capped ? (ushort)0x100 : (ushort)0;
        if (extendedAck is not null)
        {
            flags |= 0x200;
            var attributes = new NetlinkMessageBuilder(0, 0).AddString(1, extendedAck).Finish(0).ToArray()[16..];
            payload.AddRange(attributes);
        }

        return new NetlinkMessage(NetlinkMessage.TypeError, flags, 3, payload.ToArray());
    }
}
