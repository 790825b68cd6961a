using Microsoft.Win32.SafeHandles;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>
/// One open log file read forward from a position, decoding whole records (json-file lines or local frames) and
/// keeping an incomplete last record until the rest of it is written.
/// </summary>
internal sealed class LogFileCursor : IDisposable
{
    private const int ReadSize = 64 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly bool _local;
    private byte[] _buffer = new byte[ReadSize];
    private int _count;
    private long _position;

    private LogFileCursor(string path, SafeFileHandle handle, bool local)
    {
        Path = path;
        _handle = handle;
        _local = local;
        Inode = OpenFileStatus.Inode(handle);
    }

    public string Path { get; }

    public ulong Inode { get; }

    /// <summary>Bytes of the file consumed so far (decoded records and the pending incomplete one).</summary>
    public long Position => _position;

    public static LogFileCursor? TryOpen(string path, bool local)
    {
        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new LogFileCursor(path, handle, local);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Reads the next chunk, adding every record it completes; false at the current end of the file.</summary>
    public bool ReadChunk(List<LogEntry> into)
    {
        if (_buffer.Length - _count < ReadSize / 2)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = RandomAccess.Read(_handle, _buffer.AsSpan(_count), _position);
        if (read <= 0)
        {
            return false;
        }

        _position += read;
        _count += read;
        Decode(into);
        return true;
    }

    /// <summary>The file was truncated below what was read: start over from its beginning.</summary>
    public void Restart()
    {
        _position = 0;
        _count = 0;
    }

    public void Dispose() => _handle.Dispose();

    private void Decode(List<LogEntry> into)
    {
        var data = _buffer.AsSpan(0, _count);
        var consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            if (_local)
            {
                var used = LocalLogFormat.TryDecode(rest, out var entry);
                if (used == 0)
                {
                    break;
                }

                if (used < 0)
                {
                    // Not a record: nothing after it can be framed reliably.
                    consumed = data.Length;
                    break;
                }

                into.Add(entry!);
                consumed += used;
            }
            else
            {
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                if (JsonFileLogFormat.TryDecode(rest[..newline], out var entry))
                {
                    into.Add(entry!);
                }

                consumed += newline + 1;
            }
        }

        data[consumed..].CopyTo(_buffer);
        _count -= consumed;
    }
}
