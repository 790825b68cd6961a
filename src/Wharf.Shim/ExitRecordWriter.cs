using System.Text.Json;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>Writes <c>exit.json</c> crash-safely: temp file, fsync, rename, fsync of the directory.</summary>
internal static class ExitRecordWriter
{
    public static void Write(string stateDirectory, ShimExitRecord record)
    {
        var path = Path.Combine(stateDirectory, ShimPaths.ExitFile);
        var temporary = path + ".tmp";
        var content = JsonSerializer.SerializeToUtf8Bytes(record, ShimJsonContext.Default.ShimExitRecord);
        var fd = FileDescriptor.Open(temporary, FileDescriptor.OpenWriteOnly | FileDescriptor.OpenCreate | FileDescriptor.OpenTruncate, 0x1A4);
        try
        {
            FileDescriptor.WriteAll(fd, content);
            FileDescriptor.Sync(fd);
        }
        finally
        {
            FileDescriptor.Close(fd);
        }

        File.Move(temporary, path, overwrite: true);
        DirectorySync.Sync(stateDirectory);
    }
}
