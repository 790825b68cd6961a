using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Service;

namespace Wharf.Daemon.Api;

/// <summary>What the <c>/networks</c> routes need: the network service and the attachments (connect, disconnect).</summary>
internal sealed record NetworkRouteServices(INetworkService Networks, INetworkAttachments Attachments);
