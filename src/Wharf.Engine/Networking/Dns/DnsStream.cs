using System.Net.Sockets;

namespace Wharf.Engine.Networking.Dns;

/// <summary>DNS over TCP framing help (RFC 1035 §4.2.2: a 16-bit length before each message).</summary>
internal static class DnsStream
{
    /// <summary>Fills <paramref name="buffer"/>; false when the peer closes first.</summary>
    public static async ValueTask<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var received = await socket.ReceiveAsync(buffer[filled..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return false;
            }

            filled += received;
        }

        return true;
    }
}
