namespace Wharf.Linux.Netlink;

/// <summary>
/// A veth pair made in one RTM_NEWLINK: <see cref="Name"/> stays in the socket's namespace, enslaved to
/// <see cref="MasterIndex"/> (0: none) and up; the peer is created directly in the namespace open at
/// <see cref="PeerNamespace"/> with its final name and MAC, so it never appears on the host.
/// </summary>
/// <param name="PeerMacAddress">Six bytes, or null for a random one.</param>
public sealed record VethPairRequest(string Name, string PeerName, int Mtu, int MasterIndex, FileDescriptorHandle PeerNamespace, byte[]? PeerMacAddress);
