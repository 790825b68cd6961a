using System.Buffers.Binary;
using System.Text;

namespace Wharf.Linux.Netlink;

/// <summary>One netlink attribute (type without the nested/byte-order flag bits, and its payload) read from a message.</summary>
public readonly record struct NetlinkAttribute(ushort Type, ReadOnlyMemory<byte> Value)
{
    private const ushort TypeMask = 0x3fff;
    private const int HeaderLength = 4;

    /// <summary>The attributes in <paramref name="data"/>, in order; a truncated tail is ignored as the kernel's own parser does.</summary>
    public static IReadOnlyList<NetlinkAttribute> Parse(ReadOnlyMemory<byte> data)
    {
        var attributes = new List<NetlinkAttribute>();
        var offset = 0;
        var span = data.Span;
        while (offset + HeaderLength <= span.Length)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 2)..]);
            if (length < HeaderLength || offset + length > span.Length)
            {
                break;
            }

            attributes.Add(new NetlinkAttribute((ushort)(type & TypeMask), data.Slice(offset + HeaderLength, length - HeaderLength)));
            offset += NetlinkMessageBuilder.Align(length);
        }

        return attributes;
    }

    /// <summary>The payload of the first attribute of <paramref name="type"/>, or null.</summary>
    public static ReadOnlyMemory<byte>? Find(IReadOnlyList<NetlinkAttribute> attributes, ushort type)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            if (attribute.Type == type)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    public uint AsUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Value.Span);

    /// <summary>A NUL-terminated string payload (interface names, kinds).</summary>
    public string AsString()
    {
        var span = Value.Span;
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
