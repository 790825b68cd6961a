using Microsoft.Extensions.Logging;

namespace Wharf.Engine.Networking.Sandbox;

internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "network cleanup of {What} failed: {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string what, string reason);
}
