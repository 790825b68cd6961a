namespace Wharf.Engine.Runtime;

/// <summary>Reads what the shims wrote to a container's log (json-file or local), for <c>docker logs</c>.</summary>
public interface IContainerLogReader
{
    /// <summary>
    /// The log's records in order, oldest first, rotated files included. With <see cref="LogReadOptions.Follow"/> it
    /// keeps yielding new records as they are written until <see cref="LogReadOptions.StopFollowing"/> completes (the
    /// container stopped; records written before that are still delivered) or the token is cancelled. The driver
    /// <c>none</c> throws EngineException (InvalidParameter) with dockerd's message:
    /// <c>configured logging driver does not support reading</c>.
    /// </summary>
    IAsyncEnumerable<LogRecord> ReadAsync(LogSpec log, LogReadOptions options, CancellationToken cancellationToken);
}
