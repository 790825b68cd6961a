using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Wharf.Shim.Protocol;

/// <summary>
/// Docker's json-file record: <c>{"log":"hello\n","stream":"stdout","time":"2026-12-01T21:00:00.123456789Z"}</c> and a
/// newline, escaped as moby's jsonlog does (HTML characters and U+2028/U+2029 as \u escapes, invalid UTF-8 as \ufffd).
/// </summary>
public static class JsonFileLogFormat
{
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>Appends one record; <paramref name="line"/> is the line without its newline, added unless the piece is partial and not the last.</summary>
    public static void Encode(ArrayBufferWriter<byte> output, string source, long timeUnixNanoseconds, ReadOnlySpan<byte> line, PartialLogInfo? partial)
    {
        ArgumentNullException.ThrowIfNull(output);
        var withNewline = partial is null || partial.Value.Last;
        Write(output, "{\"log\":\""u8);
        WriteEscaped(output, line);
        if (withNewline)
        {
            Write(output, "\\n"u8);
        }

        Write(output, "\",\"stream\":\""u8);
        WriteEscaped(output, Encoding.UTF8.GetBytes(source));
        Write(output, "\",\"time\":\""u8);
        Span<char> time = stackalloc char[40];
        var length = GoTime.FormatRfc3339Nano(timeUnixNanoseconds, time);
        var destination = output.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            destination[i] = (byte)time[i];
        }

        output.Advance(length);
        Write(output, "\"}\n"u8);
    }

    /// <summary>Parses one line of a json-file log (without its trailing newline); false when it is not a record.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> record, out LogEntry? entry)
    {
        entry = null;
        byte[]? log = null;
        string? source = null;
        long time = 0;
        var hasTime = false;
        try
        {
            var reader = new Utf8JsonReader(record);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("log"u8))
                {
                    reader.Read();
                    log = ReadBytes(ref reader);
                }
                else if (reader.ValueTextEquals("stream"u8))
                {
                    reader.Read();
                    source = reader.GetString();
                }
                else if (reader.ValueTextEquals("time"u8))
                {
                    reader.Read();
                    hasTime = GoTime.TryParseRfc3339Nano(reader.GetString(), out time);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (!hasTime)
        {
            return false;
        }

        entry = new LogEntry(source ?? "stdout", time, log ?? []);
        return true;
    }

    private static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return [];
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        if (!reader.ValueIsEscaped)
        {
            return raw;
        }

        var buffer = new byte[raw.Length];
        var written = reader.CopyString(buffer);
        return buffer.AsSpan(0, written).ToArray();
    }

    private static void Write(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static void WriteEscaped(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var b = text[i];
            if (b < 0x80)
            {
                if (b >= 0x20 && b != '\\' && b != '"' && b != '<' && b != '>' && b != '&')
                {
                    i++;
                    continue;
                }

                Write(output, text[start..i]);
                switch (b)
                {
                    case (byte)'\\' or (byte)'"':
                        Write(output, [(byte)'\\', b]);
                        break;
                    case (byte)'\n':
                        Write(output, "\\n"u8);
                        break;
                    case (byte)'\r':
                        Write(output, "\\r"u8);
                        break;
                    default:
                        Write(output, [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex[b >> 4], Hex[b & 0xF]]);
                        break;
                }

                i++;
                start = i;
                continue;
            }

            var status = Rune.DecodeFromUtf8(text[i..], out var rune, out var size);
            if (status != OperationStatus.Done)
            {
                // Go's utf8.DecodeRune consumes one byte of an invalid sequence.
                Write(output, text[start..i]);
                Write(output, "\\ufffd"u8);
                i++;
                start = i;
                continue;
            }

            if (rune.Value is 0x2028 or 0x2029)
            {
                Write(output, text[start..i]);
                Write(output, [(byte)'\\', (byte)'u', (byte)'2', (byte)'0', (byte)'2', Hex[rune.Value & 0xF]]);
                i += size;
                start = i;
                continue;
            }

            i += size;
        }

        Write(output, text[start..]);
    }
}
