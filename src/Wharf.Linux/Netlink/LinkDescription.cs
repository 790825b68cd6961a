namespace Wharf.Linux.Netlink;

/// <summary>A network link as rtnetlink reports it.</summary>
/// <param name="Kind">IFLA_INFO_KIND (<c>bridge</c>, <c>veth</c>), null for devices without one (loopback, physical NICs).</param>
/// <param name="MasterIndex">The bridge the link is enslaved to, 0 when none.</param>
public sealed record LinkDescription(int Index, string Name, string? Kind, uint Flags, int Mtu, int MasterIndex)
{
    public const uint FlagUp = 0x1;

    public bool IsUp => (Flags & FlagUp) != 0;
}
