using System.Globalization;
using System.Runtime.CompilerServices;
using Wharf.Engine.Errors;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>
/// Reads the logs the shims write (json-file and local), as dockerd does: rotated files oldest first, then the
/// current one; <c>tail</c> counts records of both streams before <c>since</c>/<c>until</c> and the stream choice
/// apply; <c>follow</c> polls the current file, moves on to the new file when the shim rotates, and stops once
/// <see cref="LogReadOptions.StopFollowing"/> completed and everything written before was delivered.
/// </summary>
public sealed class JsonFileLogReader : IContainerLogReader
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async IAsyncEnumerable<LogRecord> ReadAsync(LogSpec log, LogReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        if (log.Driver is not (LogDrivers.JsonFile or LogDrivers.Local))
        {
            throw EngineException.InvalidParameter("configured logging driver does not support reading");
        }

        var local = log.Driver == LogDrivers.Local;
        var since = options.Since is { } s ? GoTime.ToUnixNanoseconds(s) : long.MinValue;
        var until = options.Until is { } u ? GoTime.ToUnixNanoseconds(u) : long.MaxValue;
        var filter = new LogRecordFilter(options.Stdout, options.Stderr, since, until);

        // Open everything before reading anything, the current file first: a rotation meanwhile then turns it into
        // ".1", which is recognised by its inode and read once, as the current file.
        var current = LogFileCursor.TryOpen(log.Path, local);
        var rotated = OpenRotated(log.Path, local, current?.Inode);
        try
        {
            var batch = new List<LogEntry>();
            var files = current is null ? rotated : [.. rotated, current];
            if (options.Tail is { } tail && tail >= 0)
            {
                // Only the last records count: keep a window of them over all files, then deliver it.
                var window = new Queue<LogEntry>();
                foreach (var file in files)
                {
                    while (file.ReadChunk(batch))
                    {
                        foreach (var entry in batch)
                        {
                            window.Enqueue(entry);
                            if (window.Count > tail)
                            {
                                window.Dequeue();
                            }
                        }

                        batch.Clear();
                    }
                }

                foreach (var entry in window)
                {
                    switch (filter.Check(entry))
                    {
                        case LogRecordVerdict.Deliver:
                            yield return ToRecord(entry);
                            break;
                        case LogRecordVerdict.Stop:
                            yield break;
                    }
                }
            }
            else
            {
                foreach (var file in files)
                {
                    while (file.ReadChunk(batch))
                    {
                        foreach (var entry in batch)
                        {
                            switch (filter.Check(entry))
                            {
                                case LogRecordVerdict.Deliver:
                                    yield return ToRecord(entry);
                                    break;
                                case LogRecordVerdict.Stop:
                                    yield break;
                            }
                        }

                        batch.Clear();
                    }
                }
            }

            if (!options.Follow)
            {
                yield break;
            }

            var stopFollowing = options.StopFollowing ?? Task.Delay(Timeout.Infinite, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                // Seen before reading: once it completed, one more pass delivers everything written up to then.
                var stopping = stopFollowing.IsCompleted;
                batch.Clear();
                var progressed = current?.ReadChunk(batch) ?? false;
                if (!progressed)
                {
                    progressed = FollowRotation(log.Path, local, ref current, batch);
                }

                foreach (var entry in batch)
                {
                    switch (filter.Check(entry))
                    {
                        case LogRecordVerdict.Deliver:
                            yield return ToRecord(entry);
                            break;
                        case LogRecordVerdict.Stop:
                            yield break;
                    }
                }

                if (progressed)
                {
                    continue;
                }

                if (stopping || GoTime.ToUnixNanoseconds(DateTimeOffset.UtcNow) > until)
                {
                    yield break;
                }

                try
                {
                    await Task.WhenAny(Task.Delay(PollInterval, cancellationToken), stopFollowing).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
        finally
        {
            foreach (var file in rotated)
            {
                file.Dispose();
            }

            current?.Dispose();
        }
    }

    /// <summary>
    /// When the path names another file than the one being read (rotated away, or max-file 1 replaced it) or the
    /// file shrank, switches to the new file after draining the old one. True when that produced records.
    /// </summary>
    private static bool FollowRotation(string path, bool local, ref LogFileCursor? current, List<LogEntry> into)
    {
        var status = Wharf.Linux.FileStatusReader.TryGet(path);
        if (status is null)
        {
            return false;
        }

        if (current is not null && status.Inode == current.Inode)
        {
            if (status.Size < current.Position)
            {
                current.Restart();
                return current.ReadChunk(into);
            }

            return false;
        }

        var next = LogFileCursor.TryOpen(path, local);
        if (next is null)
        {
            return false;
        }

        if (current is not null)
        {
            while (current.ReadChunk(into))
            {
            }

            current.Dispose();
        }

        current = next;
        current.ReadChunk(into);
        return true;
    }

    private static List<LogFileCursor> OpenRotated(string path, bool local, ulong? currentInode)
    {
        var files = new List<LogFileCursor>();
        for (var index = 1; index < 10_000; index++)
        {
            var file = LogFileCursor.TryOpen(path + "." + index.ToString(CultureInfo.InvariantCulture), local);
            if (file is null)
            {
                break;
            }

            if (file.Inode == currentInode)
            {
                file.Dispose();
                continue;
            }

            files.Add(file);
        }

        files.Reverse();
        return files;
    }

    private static LogRecord ToRecord(LogEntry entry) =>
        new(entry.Source == "stderr" ? OutputStream.Stderr : OutputStream.Stdout, GoTime.FromUnixNanoseconds(entry.TimeUnixNanoseconds), entry.Line);
}
