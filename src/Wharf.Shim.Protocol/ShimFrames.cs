using System.Buffers.Binary;

namespace Wharf.Shim.Protocol;

/// <summary>
/// The binary frames that follow the response line on attach and exec connections: 1 byte <see cref="ShimFrameKind"/>,
/// a 4-byte big-endian payload length, then the payload. An Exit frame's payload is the exit code as a 4-byte
/// big-endian int; CloseStdin has none.
/// </summary>
public static class ShimFrames
{
    public const int HeaderLength = 5;

    /// <summary>Frames larger than this are a protocol error (a shim never sends more than one read's worth).</summary>
    public const int MaxPayloadLength = 1 << 20;

    public static void WriteHeader(Span<byte> destination, ShimFrameKind kind, int payloadLength)
    {
        destination[0] = (byte)kind;
        BinaryPrimitives.WriteInt32BigEndian(destination[1..], payloadLength);
    }

    public static (ShimFrameKind Kind, int PayloadLength) ReadHeader(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(header[1..]);
        if (length < 0 || length > MaxPayloadLength)
        {
            throw new InvalidDataException($"shim frame of {length} bytes");
        }

        return ((ShimFrameKind)header[0], length);
    }

    /// <summary>A whole frame (header and payload) in one array, so that it goes out in one write.</summary>
    public static byte[] Encode(ShimFrameKind kind, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderLength + payload.Length];
        WriteHeader(frame, kind, payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    public static byte[] EncodeExit(int exitCode)
    {
        Span<byte> code = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(code, exitCode);
        return Encode(ShimFrameKind.Exit, code);
    }

    public static int DecodeExit(ReadOnlySpan<byte> payload) =>
        payload.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(payload) : 255;
}
