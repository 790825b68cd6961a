using System.Buffers.Binary;

namespace Wharf.Engine.Networking.Dns;

/// <summary>Reads what the embedded DNS needs from a query: header, the one question, and the EDNS0 payload size.</summary>
internal static class DnsMessageReader
{
    /// <summary>
    /// Parses <paramref name="packet"/>. For <see cref="DnsParseStatus.Query"/> all of <paramref name="query"/> is set;
    /// for NotImplemented and FormatError only its <see cref="DnsQuery.Id"/> and <see cref="DnsQuery.Flags"/>.
    /// </summary>
    public static DnsParseStatus Parse(ReadOnlySpan<byte> packet, out DnsQuery query)
    {
        query = default;
        if (packet.Length < DnsWire.HeaderLength)
        {
            return DnsParseStatus.Drop;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(packet);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if ((flags & DnsWire.FlagResponse) != 0)
        {
            return DnsParseStatus.Drop;
        }

        query = new DnsQuery(id, flags, string.Empty, 0, 0, DnsWire.HeaderLength, DnsWire.MinUdpPayload);
        if ((flags & DnsWire.OpcodeMask) != 0)
        {
            return DnsParseStatus.NotImplemented;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(packet[4..]) != 1)
        {
            return DnsParseStatus.FormatError;
        }

        Span<byte> wire = stackalloc byte[DnsWire.MaxNameLength];
        if (!DnsName.TryRead(packet, DnsWire.HeaderLength, wire, out var wireLength, out var nameEnd) || nameEnd + 4 > packet.Length)
        {
            return DnsParseStatus.Drop;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(packet[nameEnd..]);
        var recordClass = BinaryPrimitives.ReadUInt16BigEndian(packet[(nameEnd + 2)..]);
        var questionEnd = nameEnd + 4;
        query = new DnsQuery(
            id,
            flags,
            DnsName.ToText(wire[..wireLength]),
            type,
            recordClass,
            questionEnd,
            Math.Max(DnsWire.MinUdpPayload, EdnsUdpPayload(packet, questionEnd)));
        return DnsParseStatus.Query;
    }

    /// <summary>The UDP payload size the client advertises in an OPT record (RFC 6891), else 0; malformed records count as none.</summary>
    private static int EdnsUdpPayload(ReadOnlySpan<byte> packet, int position)
    {
        var records = BinaryPrimitives.ReadUInt16BigEndian(packet[6..])
            + BinaryPrimitives.ReadUInt16BigEndian(packet[8..])
            + BinaryPrimitives.ReadUInt16BigEndian(packet[10..]);
        for (var index = 0; index < records; index++)
        {
            if (!DnsName.TrySkip(packet, position, out var nameEnd) || nameEnd + 10 > packet.Length)
            {
                return 0;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(packet[nameEnd..]);
            if (type == (ushort)DnsRecordType.Opt)
            {
                // An OPT record's class field carries the requester's UDP payload size.
                return BinaryPrimitives.ReadUInt16BigEndian(packet[(nameEnd + 2)..]);
            }

            position = nameEnd + 10 + BinaryPrimitives.ReadUInt16BigEndian(packet[(nameEnd + 8)..]);
        }

        return 0;
    }
}
