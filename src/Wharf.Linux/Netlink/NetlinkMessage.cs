using System.Buffers.Binary;

namespace Wharf.Linux.Netlink;

/// <summary>One message read from a netlink socket: header fields and the payload after the 16-byte header.</summary>
public sealed record NetlinkMessage(ushort Type, ushort Flags, uint Sequence, ReadOnlyMemory<byte> Payload)
{
    public const int HeaderLength = 16;
    public const ushort TypeNoop = 1;
    public const ushort TypeError = 2;
    public const ushort TypeDone = 3;
    public const ushort TypeOverrun = 4;

    private const ushort AckCapped = 0x100;
    private const ushort AckHasAttributes = 0x200;
    private const ushort ExtendedAckMessage = 1;

    /// <summary>Splits a datagram into its messages; stops at a malformed length rather than reading past the data.</summary>
    public static IReadOnlyList<NetlinkMessage> ParseAll(ReadOnlyMemory<byte> datagram)
    {
        var messages = new List<NetlinkMessage>();
        var offset = 0;
        var span = datagram.Span;
        while (offset + HeaderLength <= span.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[offset..]);
            if (length < HeaderLength || offset + length > span.Length)
            {
                break;
            }

            messages.Add(new NetlinkMessage(
                BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 4)..]),
                BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 6)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 8)..]),
                datagram.Slice(offset + HeaderLength, length - HeaderLength)));
            offset += NetlinkMessageBuilder.Align(length);
        }

        return messages;
    }

    /// <summary>
    /// For an NLMSG_ERROR: the errno (positive; 0 for a plain ack) and the extended ack text if the kernel attached
    /// one. The payload is the negated errno, the request's header (and, unless capped, its body), then attributes.
    /// </summary>
    public (int Errno, string? KernelMessage) ReadError()
    {
        var span = Payload.Span;
        if (Type != TypeError || span.Length < 4)
        {
            throw new NetlinkException("netlink: not an error message");
        }

        var errno = -BinaryPrimitives.ReadInt32LittleEndian(span);
        string? kernelMessage = null;
        if ((Flags & AckHasAttributes) != 0 && span.Length >= 4 + HeaderLength)
        {
            var echoedLength = (Flags & AckCapped) != 0
                ? HeaderLength
                : (int)BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
            var attributesStart = 4 + NetlinkMessageBuilder.Align(echoedLength);
            if (attributesStart <= span.Length)
            {
                foreach (var attribute in NetlinkAttribute.Parse(Payload[attributesStart..]))
                {
                    if (attribute.Type == ExtendedAckMessage)
                    {
                        kernelMessage = attribute.AsString();
                    }
                }
            }
        }

        return (errno, kernelMessage);
    }
}
