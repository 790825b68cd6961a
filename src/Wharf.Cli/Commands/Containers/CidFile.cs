using System.Text;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// docker's cidFile: <c>--cidfile</c> must not exist yet; it is created before the container and removed again if no
/// ID was written (the create failed).
/// </summary>
public sealed class CidFile : IDisposable
{
    private readonly string? _path;
    private FileStream? _file;
    private bool _written;

    private CidFile(string? path, FileStream? file)
    {
        _path = path;
        _file = file;
    }

    public static CidFile Open(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new CidFile(null, null);
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new FormatException($"container ID file found, make sure the other container isn't running or delete {path}");
        }

        try
        {
            return new CidFile(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException("failed to create the container ID file: " + ex.Message, ex);
        }
    }

    public void Write(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_file is null)
        {
            return;
        }

        _file.Write(Encoding.UTF8.GetBytes(id));
        _file.Flush();
        _written = true;
    }

    public void Dispose()
    {
        var file = Interlocked.Exchange(ref _file, null);
        if (file is null)
        {
            return;
        }

        file.Dispose();
        if (!_written && _path is not null)
        {
            File.Delete(_path);
        }
    }
}
