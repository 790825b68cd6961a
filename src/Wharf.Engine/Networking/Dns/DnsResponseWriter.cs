using System.Buffers.Binary;

namespace Wharf.Engine.Networking.Dns;

/// <summary>
/// Builds replies in a caller's buffer: header, the query's question (uncompressed), then answers whose owner is a
/// compression pointer to that question, as every answer the embedded DNS gives is about the name asked.
/// </summary>
internal static class DnsResponseWriter
{
    private const int AnswerFixedLength = 2 + 2 + 2 + 4 + 2;

    /// <summary>Writes the reply's header and question; returns where answers go, or -1 when the question cannot be read.</summary>
    public static int WriteReplyStart(ReadOnlySpan<byte> queryPacket, in DnsQuery query, DnsResponseCode code, Span<byte> response)
    {
        if (!DnsName.TryRead(queryPacket, DnsWire.HeaderLength, response[DnsWire.HeaderLength..], out var nameLength, out _))
        {
            return -1;
        }

        var position = DnsWire.HeaderLength + nameLength;
        if (position + 4 > response.Length)
        {
            return -1;
        }

        WriteHeader(response, query.Id, ReplyFlags(query.Flags, code), questions: 1);
        BinaryPrimitives.WriteUInt16BigEndian(response[position..], query.Type);
        BinaryPrimitives.WriteUInt16BigEndian(response[(position + 2)..], query.Class);
        return position + 4;
    }

    /// <summary>A reply with no question (FORMERR, NOTIMP) when the question cannot be trusted.</summary>
    public static int WriteHeaderOnly(ushort id, ushort queryFlags, DnsResponseCode code, Span<byte> response)
    {
        WriteHeader(response, id, ReplyFlags(queryFlags, code), questions: 0);
        return DnsWire.HeaderLength;
    }

    /// <summary>Appends an answer for the question's name; false (nothing written) when it would pass <paramref name="limit"/>.</summary>
    public static bool TryAppendAnswer(Span<byte> response, ref int position, int limit, DnsRecordType type, uint ttl, ReadOnlySpan<byte> data)
    {
        var end = position + AnswerFixedLength + data.Length;
        if (end > Math.Min(limit, response.Length))
        {
            return false;
        }

        var answer = response[position..];
        BinaryPrimitives.WriteUInt16BigEndian(answer, DnsWire.PointerToQuestionName);
        BinaryPrimitives.WriteUInt16BigEndian(answer[2..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(answer[4..], DnsWire.ClassInternet);
        BinaryPrimitives.WriteUInt32BigEndian(answer[6..], ttl);
        BinaryPrimitives.WriteUInt16BigEndian(answer[10..], (ushort)data.Length);
        data.CopyTo(answer[AnswerFixedLength..]);
        position = end;
        var answers = BinaryPrimitives.ReadUInt16BigEndian(response[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(response[6..], (ushort)(answers + 1));
        return true;
    }

    public static void SetTruncated(Span<byte> response)
    {
        var flags = BinaryPrimitives.ReadUInt16BigEndian(response[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(response[2..], (ushort)(flags | DnsWire.FlagTruncated));
    }

    public static void SetId(Span<byte> message, ushort id) => BinaryPrimitives.WriteUInt16BigEndian(message, id);

    /// <summary>As Docker's resolver replies (miekg SetReply plus RA): opcode, RD and CD echoed, recursion available.</summary>
    private static ushort ReplyFlags(ushort queryFlags, DnsResponseCode code) => (ushort)(
        DnsWire.FlagResponse
        | (queryFlags & (DnsWire.OpcodeMask | DnsWire.FlagRecursionDesired | DnsWire.FlagCheckingDisabled))
        | DnsWire.FlagRecursionAvailable
        | (int)code);

    private static void WriteHeader(Span<byte> response, ushort id, ushort flags, ushort questions)
    {
        BinaryPrimitives.WriteUInt16BigEndian(response, id);
        BinaryPrimitives.WriteUInt16BigEndian(response[2..], flags);
        BinaryPrimitives.WriteUInt16BigEndian(response[4..], questions);
        response[6..DnsWire.HeaderLength].Clear();
    }
}
