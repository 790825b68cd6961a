using System.Net;

namespace Wharf.Linux.Netlink;

/// <summary>A route as rtnetlink dumps it; <see cref="Destination"/> is null (and the length 0) for a default route.</summary>
public sealed record RouteEntry(IPAddress? Destination, int DestinationLength, uint Table, byte RouteType, int OutputInterfaceIndex, IPAddress? Gateway)
{
    public const uint MainTable = 254;
    public const byte TypeUnicast = 1;
}
