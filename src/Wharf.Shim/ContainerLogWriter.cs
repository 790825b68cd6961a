using System.Buffers;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>Encodes records in the driver's format (json-file or local) into one rotating file; both streams share it.</summary>
internal sealed class ContainerLogWriter : ILogSink, IDisposable
{
    private readonly Lock _lock = new();
    private readonly bool _local;
    private readonly RotatingLogFile _file;
    private readonly ArrayBufferWriter<byte> _record = new(1024);

    public ContainerLogWriter(string driver, string path, LogFileLimits limits)
    {
        _local = driver == LogDrivers.Local;
        _file = new RotatingLogFile(path, limits.MaxSize, limits.MaxFiles);
    }

    public void Write(string source, long timeUnixNanoseconds, ReadOnlySpan<byte> line, PartialLogInfo? partial)
    {
        lock (_lock)
        {
            _record.Clear();
            if (_local)
            {
                LocalLogFormat.Encode(_record, source, timeUnixNanoseconds, line, partial);
            }
            else
            {
                JsonFileLogFormat.Encode(_record, source, timeUnixNanoseconds, line, partial);
            }

            _file.Append(_record.WrittenSpan);
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            _file.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }
}
