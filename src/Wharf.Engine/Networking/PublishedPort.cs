using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>One forwarded port: <paramref name="HostIp"/> (null or 0.0.0.0 / :: for every host address) : <paramref name="HostPort"/> → container address : port.</summary>
/// <param name="Protocol"><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</param>
public sealed record PublishedPort(string Protocol, IPAddress? HostIp, int HostPort, IPAddress ContainerIp, int ContainerPort);
