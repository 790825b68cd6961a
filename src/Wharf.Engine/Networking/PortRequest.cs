using System.Net;

namespace Wharf.Engine.Networking;

/// <summary>
/// One port binding to reserve, from HostConfig.PortBindings: host ports <paramref name="HostPortStart"/>..<paramref name="HostPortEnd"/>
/// (0..0 for an ephemeral port; a range means "any free one of these").
/// </summary>
public sealed record PortRequest(string Protocol, IPAddress? HostIp, int HostPortStart, int HostPortEnd, int ContainerPort);
