using System.Net;

namespace Wharf.Linux.Netlink;

/// <summary>An address assigned to a link (<c>172.18.0.1/16</c> on index 5).</summary>
public sealed record InterfaceAddress(int InterfaceIndex, IPAddress Address, int PrefixLength, byte Scope);
