using Microsoft.Extensions.Logging;

namespace Wharf.Engine.Containers;

/// <summary>The container service's log messages (event ids 600–649, stable), worded as dockerd's where it has them.</summary>
internal static partial class ContainerLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "failed to restart container {ContainerId}: {Error}")]
    public static partial void RestartFailed(ILogger logger, string containerId, string error);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "error removing container {ContainerId}: {Error}")]
    public static partial void AutoRemoveFailed(ILogger logger, string containerId, string error);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "cleanup of container {ContainerId} failed: {Error}")]
    public static partial void CleanupFailed(ILogger logger, string containerId, string error);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "restored container {ContainerId}: still running (pid {Pid})")]
    public static partial void Reconnected(ILogger logger, string containerId, int pid);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "container {ContainerId} exited while the daemon was down (exit code {ExitCode})")]
    public static partial void ExitedWhileDown(ILogger logger, string containerId, int exitCode);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "removed leftover {What} {Path}")]
    public static partial void RemovedLeftover(ILogger logger, string what, string path);

    [LoggerMessage(EventId = 606, Level = LogLevel.Warning, Message = "failed to start container {ContainerId} on daemon start: {Error}")]
    public static partial void AutoStartFailed(ILogger logger, string containerId, string error);

    [LoggerMessage(EventId = 607, Level = LogLevel.Warning, Message = "lost the shim of container {ContainerId}: {Error}")]
    public static partial void ShimLost(ILogger logger, string containerId, string error);

    [LoggerMessage(EventId = 608, Level = LogLevel.Warning, Message = "failed to prune container {ContainerId}: {Error}")]
    public static partial void PruneFailed(ILogger logger, string containerId, string error);
}
