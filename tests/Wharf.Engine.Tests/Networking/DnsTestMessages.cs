using System.Buffers.Binary;
using System.Text;
using Wharf.Engine.Networking.Dns;

namespace Wharf.Engine.Tests.Networking;

/// <summary>Builds queries and reads replies for the embedded DNS tests, independently of the code under test where it matters.</summary>
internal static class DnsTestMessages
{
    public const ushort TypeA = 1;
    public const ushort TypePtr = 12;
    public const ushort TypeMx = 15;
    public const ushort TypeAaaa = 28;

    public static byte[] Query(ushort id, string name, ushort type, ushort flags = 0x0100, int? ednsPayload = null)
    {
        var message = new List<byte>();
        AddUInt16(message, id);
        AddUInt16(message, flags);
        AddUInt16(message, 1);
        AddUInt16(message, 0);
        AddUInt16(message, 0);
        AddUInt16(message, (ushort)(ednsPayload is null ? 0 : 1));
        AddName(message, name);
        AddUInt16(message, type);
        AddUInt16(message, 1);
        if (ednsPayload is { } payload)
        {
            message.Add(0);
            AddUInt16(message, 41);
            AddUInt16(message, (ushort)payload);
            AddUInt16(message, 0);
            AddUInt16(message, 0);
            AddUInt16(message, 0);
        }

        return [.. message];
    }

    /// <summary>A reply to <paramref name="query"/> with its question and one A record per address (what a fake upstream sends).</summary>
    public static byte[] Reply(ReadOnlySpan<byte> query, byte code, params byte[][] addresses)
    {
        var message = new List<byte>(query.ToArray());
        message[2] = (byte)(0x80 | message[2]);
        message[3] = (byte)(0x80 | code);
        var questionEnd = QuestionEnd(query);
        message.RemoveRange(questionEnd, message.Count - questionEnd);
        message[6] = 0;
        message[7] = (byte)addresses.Length;
        message[8] = message[9] = message[10] = message[11] = 0;
        foreach (var address in addresses)
        {
            AddUInt16(message, 0xC00C);
            AddUInt16(message, TypeA);
            AddUInt16(message, 1);
            AddUInt16(message, 0);
            AddUInt16(message, 30);
            AddUInt16(message, (ushort)address.Length);
            message.AddRange(address);
        }

        return [.. message];
    }

    public static DnsTestReply Read(ReadOnlySpan<byte> message)
    {
        Assert.True(message.Length >= 12, "reply shorter than a header");
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var position = 12;
        for (var index = 0; index < questions; index++)
        {
            Assert.True(DnsName.TrySkip(message, position, out var end));
            position = end + 4;
        }

        var answers = new List<DnsTestAnswer>();
        for (var index = 0; index < answerCount; index++)
        {
            Assert.True(DnsName.TrySkip(message, position, out var end));
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[end..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(end + 4)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 8)..]);
            var data = message.Slice(end + 10, length).ToArray();
            var ownerPointer = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            answers.Add(new DnsTestAnswer(type, ttl, data, ownerPointer));
            position = end + 10 + length;
        }

        Assert.Equal(message.Length, position);
        return new DnsTestReply(BinaryPrimitives.ReadUInt16BigEndian(message), flags, flags & 0xF, questions, answers);
    }

    /// <summary>PTR data as text, read with a decoder of its own so the writer is checked independently.</summary>
    public static string NameText(byte[] wire)
    {
        var labels = new List<string>();
        var position = 0;
        while (wire[position] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(wire, position + 1, wire[position]));
            position += 1 + wire[position];
        }

        return string.Join('.', labels);
    }

    private static int QuestionEnd(ReadOnlySpan<byte> query)
    {
        Assert.True(DnsName.TrySkip(query, 12, out var end));
        return end + 4;
    }

    private static void AddName(List<byte> message, string name)
    {
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            message.Add((byte)label.Length);
            message.AddRange(Encoding.ASCII.GetBytes(label));
        }

        message.Add(0);
    }

    private static void AddUInt16(List<byte> message, ushort value)
    {
        message.Add((byte)(value >> 8));
        message.Add((byte)value);
    }
}
