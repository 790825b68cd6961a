using System.Buffers;
using System.Globalization;
using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>
/// A log file with dockerd's rotation: before a record is written, a file already at <c>max-size</c> is rotated
/// (with <c>max-file</c> 1 it is replaced by a new empty file; otherwise <c>.1</c> … <c>.N-1</c> shift up, the oldest
/// is dropped and the current file becomes <c>.1</c>). Readers that hold the old file keep reading it to its end.
/// </summary>
internal sealed class RotatingLogFile : IDisposable
{
    private const int FileMode = 0x1A0; // 0640, as dockerd creates log files.

    private readonly string _path;
    private readonly long _maxSize;
    private readonly int _maxFiles;
    private readonly ArrayBufferWriter<byte> _pending = new(4096);
    private int _fd;
    private long _size;

    public RotatingLogFile(string path, long maxSize, int maxFiles)
    {
        _path = path;
        _maxSize = maxSize;
        _maxFiles = maxFiles;
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _fd = FileDescriptor.Open(path, FileDescriptor.OpenWriteOnly | FileDescriptor.OpenAppend | FileDescriptor.OpenCreate, FileMode);
        _size = FileStatusReader.TryGet(path)?.Size ?? 0;
    }

    public void Append(ReadOnlySpan<byte> record)
    {
        if (_maxSize > 0 && _size + _pending.WrittenCount >= _maxSize)
        {
            Flush();
            Rotate();
        }

        _pending.Write(record);
    }

    public void Flush()
    {
        if (_pending.WrittenCount == 0 || _fd < 0)
        {
            return;
        }

        try
        {
            FileDescriptor.WriteAll(_fd, _pending.WrittenSpan);
            _size += _pending.WrittenCount;
        }
        catch (IOException exception)
        {
            ShimLog.Write($"writing log {_path}: {exception.Message}");
        }

        _pending.Clear();
    }

    public void Dispose()
    {
        Flush();
        FileDescriptor.Close(_fd);
        _fd = -1;
    }

    private void Rotate()
    {
        FileDescriptor.Close(_fd);
        _fd = -1;
        try
        {
            if (_maxFiles < 2)
            {
                File.Delete(_path);
            }
            else
            {
                File.Delete(Rotated(_maxFiles - 1));
                for (var i = _maxFiles - 1; i > 1; i--)
                {
                    MoveIfPresent(Rotated(i - 1), Rotated(i));
                }

                MoveIfPresent(_path, Rotated(1));
            }
        }
        catch (IOException exception)
        {
            ShimLog.Write($"rotating log {_path}: {exception.Message}");
        }

        _fd = FileDescriptor.Open(_path, FileDescriptor.OpenWriteOnly | FileDescriptor.OpenAppend | FileDescriptor.OpenCreate | FileDescriptor.OpenTruncate, FileMode);
        _size = 0;
    }

    private string Rotated(int index) => _path + "." + index.ToString(CultureInfo.InvariantCulture);

    private static void MoveIfPresent(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Move(from, to, overwrite: true);
        }
    }
}
