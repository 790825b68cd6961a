using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Wharf.Shim.Protocol;

/// <summary>
/// Docker's <c>local</c> log driver format: each record is a protobuf <c>LogEntry</c> (1 source, 2 time_nano,
/// 3 line, 4 partial, 5 partial_log_metadata {1 last, 2 id, 3 ordinal}) framed by its length as a 4-byte big-endian
/// integer before and after. The line is stored without its newline; readers add it back unless the record is a
/// partial piece that is not the last.
/// </summary>
public static class LocalLogFormat
{
    public const int LengthFieldSize = 4;

    /// <summary>dockerd refuses records larger than this when reading.</summary>
    public const int MaxRecordLength = 1_000_000;

    public static void Encode(ArrayBufferWriter<byte> output, string source, long timeUnixNanoseconds, ReadOnlySpan<byte> line, PartialLogInfo? partial)
    {
        ArgumentNullException.ThrowIfNull(output);
        var message = new ArrayBufferWriter<byte>(line.Length + 64);
        WriteBytesField(message, 1, Encoding.UTF8.GetBytes(source));
        if (timeUnixNanoseconds != 0)
        {
            WriteTag(message, 2, 0);
            WriteVarint(message, (ulong)timeUnixNanoseconds);
        }

        if (!line.IsEmpty)
        {
            WriteBytesField(message, 3, line);
        }

        if (partial is { } piece)
        {
            WriteTag(message, 4, 0);
            WriteVarint(message, 1);
            var metadata = new ArrayBufferWriter<byte>(64);
            if (piece.Last)
            {
                WriteTag(metadata, 1, 0);
                WriteVarint(metadata, 1);
            }

            if (piece.Id.Length > 0)
            {
                WriteBytesField(metadata, 2, Encoding.UTF8.GetBytes(piece.Id));
            }

            if (piece.Ordinal != 0)
            {
                WriteTag(metadata, 3, 0);
                WriteVarint(metadata, (ulong)(long)piece.Ordinal);
            }

            WriteBytesField(message, 5, metadata.WrittenSpan);
        }

        var length = output.GetSpan(LengthFieldSize);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)message.WrittenCount);
        output.Advance(LengthFieldSize);
        output.Write(message.WrittenSpan);
        length = output.GetSpan(LengthFieldSize);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)message.WrittenCount);
        output.Advance(LengthFieldSize);
    }

    /// <summary>
    /// Decodes the record at the start of <paramref name="data"/>. Returns 0 when the record is not complete yet,
    /// -1 when the data is not a record, else the bytes it took.
    /// </summary>
    public static int TryDecode(ReadOnlySpan<byte> data, out LogEntry? entry)
    {
        entry = null;
        if (data.Length < LengthFieldSize)
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (length > MaxRecordLength)
        {
            return -1;
        }

        var total = (int)length + (2 * LengthFieldSize);
        if (data.Length < total)
        {
            return 0;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data[(total - LengthFieldSize)..]) != length)
        {
            return -1;
        }

        var message = data.Slice(LengthFieldSize, (int)length);
        var source = "";
        long time = 0;
        ReadOnlySpan<byte> line = default;
        var partial = false;
        var last = false;
        while (!message.IsEmpty)
        {
            if (!TryReadVarint(ref message, out var tag))
            {
                return -1;
            }

            var field = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            if (wireType == 2)
            {
                if (!TryReadVarint(ref message, out var size) || size > (ulong)message.Length)
                {
                    return -1;
                }

                var value = message[..(int)size];
                message = message[(int)size..];
                switch (field)
                {
                    case 1:
                        source = Encoding.UTF8.GetString(value);
                        break;
                    case 3:
                        line = value;
                        break;
                    case 5:
                        last = ReadLast(value);
                        break;
                }
            }
            else if (wireType == 0)
            {
                if (!TryReadVarint(ref message, out var value))
                {
                    return -1;
                }

                switch (field)
                {
                    case 2:
                        time = (long)value;
                        break;
                    case 4:
                        partial = value != 0;
                        break;
                }
            }
            else if (wireType == 1 && message.Length >= 8)
            {
                message = message[8..];
            }
            else if (wireType == 5 && message.Length >= 4)
            {
                message = message[4..];
            }
            else
            {
                return -1;
            }
        }

        var withNewline = !partial || last;
        var bytes = new byte[line.Length + (withNewline ? 1 : 0)];
        line.CopyTo(bytes);
        if (withNewline)
        {
            bytes[^1] = (byte)'\n';
        }

        entry = new LogEntry(source, time, bytes);
        return total;
    }

    private static bool ReadLast(ReadOnlySpan<byte> metadata)
    {
        while (!metadata.IsEmpty)
        {
            if (!TryReadVarint(ref metadata, out var tag))
            {
                return false;
            }

            switch (tag & 7)
            {
                case 0:
                    if (!TryReadVarint(ref metadata, out var value))
                    {
                        return false;
                    }

                    if (tag >> 3 == 1)
                    {
                        return value != 0;
                    }

                    break;
                case 2:
                    if (!TryReadVarint(ref metadata, out var size) || size > (ulong)metadata.Length)
                    {
                        return false;
                    }

                    metadata = metadata[(int)size..];
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static void WriteTag(ArrayBufferWriter<byte> output, int field, int wireType) =>
        WriteVarint(output, (ulong)((field << 3) | wireType));

    private static void WriteBytesField(ArrayBufferWriter<byte> output, int field, ReadOnlySpan<byte> value)
    {
        WriteTag(output, field, 2);
        WriteVarint(output, (ulong)value.Length);
        output.Write(value);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    private static bool TryReadVarint(ref ReadOnlySpan<byte> data, out ulong value)
    {
        value = 0;
        for (var i = 0; i < 10 && i < data.Length; i++)
        {
            var b = data[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                data = data[(i + 1)..];
                return true;
            }
        }

        return false;
    }
}
