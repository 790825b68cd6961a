using System.Globalization;
using System.Text;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>
/// The shim's own diagnostics: its stdio point at /dev/null once it reported to wharfd, so anything worth keeping
/// goes to <c>shim.log</c> in the container's state dir.
/// </summary>
internal static class ShimLog
{
    private static readonly Lock Gate = new();
    private static string? s_path;

    public static void Configure(string stateDirectory) => s_path = Path.Combine(stateDirectory, ShimPaths.ShimLogFile);

    public static void Write(string message)
    {
        var path = s_path;
        if (path is null)
        {
            return;
        }

        var line = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"time=\"{GoTime.FormatRfc3339Nano(RealtimeClock.UnixNanoseconds())}\" pid={ProcessControl.CurrentProcessId} msg=\"{message.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"\n"));
        lock (Gate)
        {
            try
            {
                var fd = FileDescriptor.Open(path, FileDescriptor.OpenWriteOnly | FileDescriptor.OpenCreate | FileDescriptor.OpenAppend, 0x180);
                try
                {
                    FileDescriptor.WriteAll(fd, line);
                }
                finally
                {
                    FileDescriptor.Close(fd);
                }
            }
            catch (IOException)
            {
                // Nowhere left to report to.
            }
        }
    }
}
