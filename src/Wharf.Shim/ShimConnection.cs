using System.Globalization;
using System.Net.Sockets;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>Small helpers for answering on a shim connection and for the pid files runc writes.</summary>
internal static class ShimConnection
{
    /// <summary>Sends one response line; false when the client has gone.</summary>
    public static bool Respond(Socket socket, ShimResponse response)
    {
        try
        {
            socket.Send(ShimJson.ToLine(response, ShimJsonContext.Default.ShimResponse));
            return true;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public static ShimResponse Error(string message) => new() { Error = message };

    public static int ReadPidFile(string path) =>
        int.Parse(File.ReadAllText(path).AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: these are scratch files in the state dir, removed with it anyway.
        }
    }
}
