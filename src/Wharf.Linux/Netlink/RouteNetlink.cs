using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Linux.Netlink;

/// <summary>
/// Links, addresses and routes over one rtnetlink socket, i.e. in the network namespace the socket was opened in.
/// Thread-safe (the socket serializes requests). Errors are <see cref="NetlinkException"/>s; "already there" and
/// "already gone" are reported as return values where callers usually tolerate them.
/// </summary>
public sealed class RouteNetlink : IDisposable
{
    public const int ErrorNoSuchDevice = 19;
    public const int ErrorExists = 17;
    public const int ErrorAddressNotAvailable = 99;
    public const int ErrorNoSuchProcess = 3;

    private const ushort NewLink = 16;
    private const ushort DeleteLinkMessage = 17;
    private const ushort GetLink = 18;
    private const ushort NewAddress = 20;
    private const ushort DeleteAddressMessage = 21;
    private const ushort GetAddress = 22;
    private const ushort NewRoute = 24;
    private const ushort GetRoute = 26;

    private const ushort LinkAddress = 1;
    private const ushort LinkName = 3;
    private const ushort LinkMtu = 4;
    private const ushort LinkMaster = 10;
    private const ushort LinkInfo = 18;
    private const ushort LinkNamespaceFd = 28;
    private const ushort LinkInfoKind = 1;
    private const ushort LinkInfoData = 2;
    private const ushort VethInfoPeer = 1;

    private const ushort AddressAddress = 1;
    private const ushort AddressLocal = 2;
    private const ushort AddressBroadcast = 4;
    private const byte AddressFlagNoDad = 0x02;
    private const byte AddressFlagPermanent = 0x80;

    private const ushort RouteDestination = 1;
    private const ushort RouteOutputInterface = 4;
    private const ushort RouteGateway = 5;
    private const ushort RouteTable = 15;
    private const byte RouteProtocolBoot = 3;
    private const byte ScopeUniverse = 0;

    private const byte FamilyUnspecified = 0;
    private const byte FamilyInet = 2;
    private const byte FamilyInet6 = 10;

    private readonly NetlinkSocket socket;

    private RouteNetlink(NetlinkSocket socket)
    {
        this.socket = socket;
    }

    /// <summary>Opens a client in the calling thread's network namespace (run it inside <see cref="NetworkNamespace.Run{T}"/> for another one).</summary>
    public static RouteNetlink Open() => new(NetlinkSocket.OpenRoute());

    public LinkDescription? FindLink(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var request = new NetlinkMessageBuilder(GetLink, 0)
            .AddInterfaceInfo(FamilyUnspecified, 0, 0, 0)
            .AddString(LinkName, name);
        try
        {
            var replies = socket.Query(request, $"get link {name}");
            return replies.Count == 0 ? null : ParseLink(replies[0]);
        }
        catch (NetlinkException e) when (e.Errno == ErrorNoSuchDevice)
        {
            return null;
        }
    }

    public IReadOnlyList<LinkDescription> ListLinks()
    {
        var request = new NetlinkMessageBuilder(GetLink, NetlinkSocket.FlagDump).AddInterfaceInfo(FamilyUnspecified, 0, 0, 0);
        var links = new List<LinkDescription>();
        foreach (var reply in socket.Query(request, "list links"))
        {
            if (reply.Type == NewLink)
            {
                links.Add(ParseLink(reply));
            }
        }

        return links;
    }

    /// <summary>Creates a link of <paramref name="kind"/> (<c>bridge</c>, <c>dummy</c>); false when one of that name exists already.</summary>
    public bool CreateLink(string name, string kind, int mtu)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(kind);
        var request = new NetlinkMessageBuilder(NewLink, NetlinkSocket.FlagCreate | NetlinkSocket.FlagExclusive)
            .AddInterfaceInfo(FamilyUnspecified, 0, 0, 0)
            .AddString(LinkName, name);
        if (mtu > 0)
        {
            request.AddUInt32(LinkMtu, (uint)mtu);
        }

        var info = request.BeginNested(LinkInfo);
        request.AddString(LinkInfoKind, kind);
        request.EndNested(info);
        try
        {
            socket.Execute(request, $"create {kind} {name}");
            return true;
        }
        catch (NetlinkException e) when (e.Errno == ErrorExists)
        {
            return false;
        }
    }

    /// <summary>Changes what is given: MTU when positive, up or down when <paramref name="up"/> has a value, master when not null (0 detaches).</summary>
    public void SetLink(int index, string name, int mtu, bool? up, int? masterIndex)
    {
        var request = new NetlinkMessageBuilder(NewLink, 0)
            .AddInterfaceInfo(FamilyUnspecified, index, up == true ? LinkDescription.FlagUp : 0, up is null ? 0 : LinkDescription.FlagUp);
        if (mtu > 0)
        {
            request.AddUInt32(LinkMtu, (uint)mtu);
        }

        if (masterIndex is { } master)
        {
            request.AddUInt32(LinkMaster, (uint)master);
        }

        socket.Execute(request, $"set link {name}");
    }

    /// <summary>Creates both ends of a veth pair in one request: see <see cref="VethPairRequest"/>.</summary>
    public void CreateVethPair(VethPairRequest pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var request = new NetlinkMessageBuilder(NewLink, NetlinkSocket.FlagCreate | NetlinkSocket.FlagExclusive)
            .AddInterfaceInfo(FamilyUnspecified, 0, LinkDescription.FlagUp, LinkDescription.FlagUp)
            .AddString(LinkName, pair.Name);
        if (pair.Mtu > 0)
        {
            request.AddUInt32(LinkMtu, (uint)pair.Mtu);
        }

        if (pair.MasterIndex > 0)
        {
            request.AddUInt32(LinkMaster, (uint)pair.MasterIndex);
        }

        var info = request.BeginNested(LinkInfo);
        request.AddString(LinkInfoKind, "veth");
        var data = request.BeginNested(LinkInfoData);
        var peer = request.BeginNested(VethInfoPeer);
        request.AddInterfaceInfo(FamilyUnspecified, 0, 0, 0)
            .AddString(LinkName, pair.PeerName);
        if (pair.Mtu > 0)
        {
            request.AddUInt32(LinkMtu, (uint)pair.Mtu);
        }

        if (pair.PeerMacAddress is { } mac)
        {
            request.AddBytes(LinkAddress, mac);
        }

        var addedReference = false;
        pair.PeerNamespace.DangerousAddRef(ref addedReference);
        try
        {
            request.AddUInt32(LinkNamespaceFd, (uint)pair.PeerNamespace.DangerousGetHandle());
            request.EndNested(peer).EndNested(data).EndNested(info);
            socket.Execute(request, $"create veth {pair.Name}");
        }
        finally
        {
            if (addedReference)
            {
                pair.PeerNamespace.DangerousRelease();
            }
        }
    }

    /// <summary>Deletes a link by name; false when there was none.</summary>
    public bool DeleteLink(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var request = new NetlinkMessageBuilder(DeleteLinkMessage, 0)
            .AddInterfaceInfo(FamilyUnspecified, 0, 0, 0)
            .AddString(LinkName, name);
        try
        {
            socket.Execute(request, $"delete link {name}");
            return true;
        }
        catch (NetlinkException e) when (e.Errno == ErrorNoSuchDevice)
        {
            return false;
        }
    }

    /// <summary>Every address in the namespace (the kernel filters a dump by family only).</summary>
    public IReadOnlyList<InterfaceAddress> ListAddresses()
    {
        var request = new NetlinkMessageBuilder(GetAddress, NetlinkSocket.FlagDump).AddAddressInfo(FamilyUnspecified, 0, 0, 0, 0);
        var addresses = new List<InterfaceAddress>();
        foreach (var reply in socket.Query(request, "list addresses"))
        {
            if (reply.Type == NewAddress && ParseAddress(reply) is { } address)
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    /// <summary>
    /// Adds the address, or updates it if present. IPv6 addresses skip duplicate address detection: the subnet is
    /// ours, and an address in "tentative" state for a second would break the first packets of a container.
    /// </summary>
    public void ReplaceAddress(int index, string linkName, IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var request = new NetlinkMessageBuilder(NewAddress, NetlinkSocket.FlagCreate | NetlinkSocket.FlagReplace)
            .AddAddressInfo(v6 ? FamilyInet6 : FamilyInet, (byte)prefixLength, (byte)(AddressFlagPermanent | (v6 ? AddressFlagNoDad : 0)), ScopeUniverse, index);
        var bytes = address.GetAddressBytes();
        request.AddBytes(AddressLocal, bytes).AddBytes(AddressAddress, bytes);
        if (!v6 && prefixLength < 31)
        {
            request.AddBytes(AddressBroadcast, Broadcast(bytes, prefixLength));
        }

        socket.Execute(request, $"add address {address}/{prefixLength} to {linkName}");
    }

    /// <summary>Removes the address; false when it was not there.</summary>
    public bool DeleteAddress(int index, string linkName, IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var bytes = address.GetAddressBytes();
        var request = new NetlinkMessageBuilder(DeleteAddressMessage, 0)
            .AddAddressInfo(v6 ? FamilyInet6 : FamilyInet, (byte)prefixLength, 0, ScopeUniverse, index)
            .AddBytes(AddressLocal, bytes)
            .AddBytes(AddressAddress, bytes);
        try
        {
            socket.Execute(request, $"delete address {address}/{prefixLength} from {linkName}");
            return true;
        }
        catch (NetlinkException e) when (e.Errno == ErrorAddressNotAvailable)
        {
            return false;
        }
    }

    /// <summary>Sets the main table's default route of the gateway's family to go via <paramref name="gateway"/> on the link.</summary>
    public void ReplaceDefaultRoute(int index, string linkName, IPAddress gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var v6 = gateway.AddressFamily == AddressFamily.InterNetworkV6;
        var request = new NetlinkMessageBuilder(NewRoute, NetlinkSocket.FlagCreate | NetlinkSocket.FlagReplace)
            .AddRouteInfo(v6 ? FamilyInet6 : FamilyInet, 0, (byte)RouteEntry.MainTable, RouteProtocolBoot, ScopeUniverse, RouteEntry.TypeUnicast)
            .AddBytes(RouteGateway, gateway.GetAddressBytes())
            .AddUInt32(RouteOutputInterface, (uint)index);
        socket.Execute(request, $"add default route via {gateway} dev {linkName}");
    }

    /// <summary>Every route of <paramref name="family"/> in every table.</summary>
    public IReadOnlyList<RouteEntry> ListRoutes(AddressFamily family)
    {
        var request = new NetlinkMessageBuilder(GetRoute, NetlinkSocket.FlagDump)
            .AddRouteInfo(family == AddressFamily.InterNetworkV6 ? FamilyInet6 : FamilyInet, 0, 0, 0, 0, 0);
        var routes = new List<RouteEntry>();
        foreach (var reply in socket.Query(request, "list routes"))
        {
            if (reply.Type == NewRoute && ParseRoute(reply) is { } route)
            {
                routes.Add(route);
            }
        }

        return routes;
    }

    public void Dispose() => socket.Dispose();

    public static LinkDescription ParseLink(NetlinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        if (payload.Length < 16)
        {
            throw new NetlinkException("netlink: short link message");
        }

        var index = BinaryPrimitives.ReadInt32LittleEndian(payload.Span[4..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(payload.Span[8..]);
        string name = string.Empty;
        string? kind = null;
        var mtu = 0;
        var master = 0;
        foreach (var attribute in NetlinkAttribute.Parse(payload[16..]))
        {
            switch (attribute.Type)
            {
                case LinkName:
                    name = attribute.AsString();
                    break;
                case LinkMtu:
                    mtu = (int)attribute.AsUInt32();
                    break;
                case LinkMaster:
                    master = (int)attribute.AsUInt32();
                    break;
                case LinkInfo:
                    if (NetlinkAttribute.Find(NetlinkAttribute.Parse(attribute.Value), LinkInfoKind) is { } kindValue)
                    {
                        kind = new NetlinkAttribute(LinkInfoKind, kindValue).AsString();
                    }

                    break;
            }
        }

        return new LinkDescription(index, name, kind, flags, mtu, master);
    }

    public static InterfaceAddress? ParseAddress(NetlinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        if (payload.Length < 8)
        {
            return null;
        }

        var span = payload.Span;
        var prefixLength = span[1];
        var scope = span[3];
        var index = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var attributes = NetlinkAttribute.Parse(payload[8..]);

        // IFA_LOCAL is the address itself; IFA_ADDRESS is the peer on point-to-point links (and the only one for IPv6).
        var value = NetlinkAttribute.Find(attributes, AddressLocal) ?? NetlinkAttribute.Find(attributes, AddressAddress);
        return value is { } bytes && (bytes.Length == 4 || bytes.Length == 16)
            ? new InterfaceAddress(index, new IPAddress(bytes.Span), prefixLength, scope)
            : null;
    }

    public static RouteEntry? ParseRoute(NetlinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        if (payload.Length < 12)
        {
            return null;
        }

        var span = payload.Span;
        var destinationLength = span[1];
        uint table = span[4];
        var routeType = span[7];
        IPAddress? destination = null;
        IPAddress? gateway = null;
        var outputInterface = 0;
        foreach (var attribute in NetlinkAttribute.Parse(payload[12..]))
        {
            switch (attribute.Type)
            {
                case RouteDestination when attribute.Value.Length is 4 or 16:
                    destination = new IPAddress(attribute.Value.Span);
                    break;
                case RouteGateway when attribute.Value.Length is 4 or 16:
                    gateway = new IPAddress(attribute.Value.Span);
                    break;
                case RouteOutputInterface:
                    outputInterface = (int)attribute.AsUInt32();
                    break;
                case RouteTable:
                    table = attribute.AsUInt32();
                    break;
            }
        }

        return new RouteEntry(destination, destinationLength, table, routeType, outputInterface, gateway);
    }

    private static byte[] Broadcast(byte[] address, int prefixLength)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(address);
        var hostMask = prefixLength == 0 ? uint.MaxValue : uint.MaxValue >> prefixLength;
        var broadcast = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(broadcast, value | hostMask);
        return broadcast;
    }
}
