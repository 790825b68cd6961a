using Microsoft.Extensions.Logging;

namespace Wharf.Engine.Networking.Dns;

/// <summary>The embedded DNS's log messages (event ids 760–779, stable).</summary>
internal static partial class DnsLog
{
    [LoggerMessage(EventId = 760, Level = LogLevel.Warning, Message = "[resolver] {Protocol} loop of container {ContainerId} failed: {Error}")]
    public static partial void LoopFailed(ILogger logger, string protocol, string containerId, string error);

    [LoggerMessage(EventId = 761, Level = LogLevel.Debug, Message = "[resolver] no upstream answered {Name} for container {ContainerId}")]
    public static partial void UpstreamsFailed(ILogger logger, string name, string containerId);

    [LoggerMessage(EventId = 762, Level = LogLevel.Warning, Message = "[resolver] more than {Limit} concurrent queries")]
    public static partial void TooManyForwards(ILogger logger, int limit);
}
