using System.Text;

namespace Wharf.Engine.Networking.Dns;

/// <summary>Reads and writes domain names on the wire (RFC 1035 §4.1.4 compression included).</summary>
internal static class DnsName
{
    /// <summary>
    /// Reads the name at <paramref name="offset"/> into <paramref name="wire"/> as uncompressed labels ending in the
    /// root label, following compression pointers. <paramref name="end"/> is where the name ends at its original place
    /// (after the first pointer). False for anything malformed: out of bounds, reserved label types, a name over 255
    /// octets, or a pointer that does not go strictly back before the labels read so far (which rules out loops).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, int offset, Span<byte> wire, out int wireLength, out int end)
    {
        wireLength = 0;
        end = -1;
        var segmentStart = offset;
        var position = offset;
        while (true)
        {
            if ((uint)position >= (uint)packet.Length)
            {
                return false;
            }

            var length = packet[position];
            switch (length & 0xC0)
            {
                case 0xC0:
                    if (position + 1 >= packet.Length)
                    {
                        return false;
                    }

                    var target = ((length & 0x3F) << 8) | packet[position + 1];
                    if (target >= segmentStart)
                    {
                        return false;
                    }

                    if (end < 0)
                    {
                        end = position + 2;
                    }

                    segmentStart = target;
                    position = target;
                    continue;
                case 0:
                    break;
                default:
                    // 0x40 and 0x80: extended and reserved label types (RFC 6891 §5), never valid in a question.
                    return false;
            }

            if (wireLength + 1 + length > DnsWire.MaxNameLength || wireLength + 1 + length > wire.Length)
            {
                return false;
            }

            if (length == 0)
            {
                wire[wireLength++] = 0;
                if (end < 0)
                {
                    end = position + 1;
                }

                return true;
            }

            if (position + 1 + length > packet.Length)
            {
                return false;
            }

            packet.Slice(position, 1 + length).CopyTo(wire[wireLength..]);
            wireLength += 1 + length;
            position += 1 + length;
        }
    }

    /// <summary>Skips the name at <paramref name="offset"/>, validating it as <see cref="TryRead"/> does.</summary>
    public static bool TrySkip(ReadOnlySpan<byte> packet, int offset, out int end)
    {
        Span<byte> scratch = stackalloc byte[DnsWire.MaxNameLength];
        return TryRead(packet, offset, scratch, out _, out end);
    }

    /// <summary>Uncompressed wire labels as text without the trailing dot ("" for the root), one char per octet.</summary>
    public static string ToText(ReadOnlySpan<byte> wire)
    {
        if (wire.Length <= 1)
        {
            return string.Empty;
        }

        Span<byte> text = stackalloc byte[DnsWire.MaxNameLength];
        var position = 0;
        var written = 0;
        while (wire[position] != 0)
        {
            var length = wire[position];
            if (written > 0)
            {
                text[written++] = (byte)'.';
            }

            wire.Slice(position + 1, length).CopyTo(text[written..]);
            written += length;
            position += 1 + length;
        }

        return Encoding.Latin1.GetString(text[..written]);
    }

    /// <summary>
    /// Writes <paramref name="text"/> (dot-separated, an optional trailing dot) as uncompressed labels; false when it
    /// does not fit, has an empty or overlong label, or is longer than a name may be.
    /// </summary>
    public static bool TryWrite(string text, Span<byte> destination, out int written)
    {
        written = 0;
        var remaining = text.AsSpan();
        if (remaining.EndsWith(".", StringComparison.Ordinal))
        {
            remaining = remaining[..^1];
        }

        while (!remaining.IsEmpty)
        {
            var dot = remaining.IndexOf('.');
            var label = dot < 0 ? remaining : remaining[..dot];
            if (label.IsEmpty || label.Length > DnsWire.MaxLabelLength || written + 1 + label.Length + 1 > Math.Min(destination.Length, DnsWire.MaxNameLength))
            {
                return false;
            }

            destination[written] = (byte)label.Length;
            foreach (var character in label)
            {
                if (character > 0xFF)
                {
                    return false;
                }

                destination[++written] = (byte)character;
            }

            written++;
            remaining = dot < 0 ? [] : remaining[(dot + 1)..];
        }

        if (written + 1 > destination.Length)
        {
            return false;
        }

        destination[written++] = 0;
        return true;
    }
}
