using System.Buffers;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests;

public sealed class LocalLogFormatTests
{
    [Fact]
    public void WritesAProtobufLogEntryFramedByItsLength()
    {
        var buffer = new ArrayBufferWriter<byte>();
        LocalLogFormat.Encode(buffer, "stdout", 300, "hi"u8, null);

        byte[] message =
        [
            0x0A, 6, (byte)'s', (byte)'t', (byte)'d', (byte)'o', (byte)'u', (byte)'t', // 1: source
            0x10, 0xAC, 0x02, // 2: time_nano = 300 (varint)
            0x1A, 2, (byte)'h', (byte)'i', // 3: line, without its newline
        ];
        Assert.Equal([0, 0, 0, (byte)message.Length, .. message, 0, 0, 0, (byte)message.Length], buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void RoundTripsAndRestoresTheNewline()
    {
        var buffer = new ArrayBufferWriter<byte>();
        LocalLogFormat.Encode(buffer, "stderr", 1_796_158_800_123_456_789L, "line"u8, null);
        LocalLogFormat.Encode(buffer, "stdout", 5, "piece"u8, new PartialLogInfo("abc", 1, Last: false));
        LocalLogFormat.Encode(buffer, "stdout", 5, "end"u8, new PartialLogInfo("abc", 2, Last: true));
        var data = buffer.WrittenSpan;

        var used = LocalLogFormat.TryDecode(data, out var first);
        Assert.Equal("stderr", first!.Source);
        Assert.Equal(1_796_158_800_123_456_789L, first.TimeUnixNanoseconds);
        Assert.Equal("line\n"u8.ToArray(), first.Line);
        data = data[used..];
        used = LocalLogFormat.TryDecode(data, out var piece);
        Assert.Equal("piece"u8.ToArray(), piece!.Line);
        data = data[used..];
        used = LocalLogFormat.TryDecode(data, out var end);
        Assert.Equal("end\n"u8.ToArray(), end!.Line);
        Assert.Equal(data.Length, used);
    }

    [Fact]
    public void AnIncompleteRecordWaitsAndGarbageIsRefused()
    {
        var buffer = new ArrayBufferWriter<byte>();
        LocalLogFormat.Encode(buffer, "stdout", 1, "abc"u8, null);
        var record = buffer.WrittenSpan.ToArray();

        Assert.Equal(0, LocalLogFormat.TryDecode(record.AsSpan(0, record.Length - 1), out _));
        record[^1] ^= 0x7F;
        Assert.Equal(-1, LocalLogFormat.TryDecode(record, out _));
    }
}
