using System.Buffers;
using System.Buffers.Binary;

namespace Wharf.Daemon.Api;

/// <summary>
/// Docker's stdcopy framing for non-TTY streams: an 8-byte header (stream type, three zero bytes, the payload length
/// big-endian) before each payload. Type 3 carries the daemon's own errors in a log stream.
/// </summary>
internal static class StdCopy
{
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte SystemError = 3;

    public const string RawStreamMediaType = "application/vnd.docker.raw-stream";
    public const string MultiplexedStreamMediaType = "application/vnd.docker.multiplexed-stream";

    public const int HeaderLength = 8;

    /// <summary>Appends <paramref name="payload"/> to <paramref name="buffer"/>: framed as <paramref name="stream"/> when <paramref name="multiplexed"/>, else as it is.</summary>
    public static void Append(IBufferWriter<byte> buffer, bool multiplexed, byte stream, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (payload.IsEmpty)
        {
            // stdcopy's writer sends nothing for an empty write; an empty frame would read as a zero-length message.
            return;
        }

        if (multiplexed)
        {
            var header = buffer.GetSpan(HeaderLength);
            header[0] = stream;
            header[1] = 0;
            header[2] = 0;
            header[3] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)payload.Length);
            buffer.Advance(HeaderLength);
        }

        buffer.Write(payload);
    }

    /// <summary>The media type of an attach, exec or logs stream: multiplexed only for API 1.42 and later (and, for hijacks, only with an Upgrade).</summary>
    public static string MediaType(bool multiplexed, bool apiAtLeast142) =>
        multiplexed && apiAtLeast142 ? MultiplexedStreamMediaType : RawStreamMediaType;
}
