using System.Buffers;
using System.Text;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests;

public sealed class JsonFileLogFormatTests
{
    private const long Time = 1_796_158_800_123_456_789L; // 2026-12-01T21:00:00.123456789Z

    [Fact]
    public void WritesDockersRecord()
    {
        Assert.Equal(
            "{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2026-12-01T21:00:00.123456789Z\"}\n",
            Encode("stdout", "hello"u8.ToArray(), null));
    }

    [Fact]
    public void EscapesAsMobysJsonlog()
    {
        // moby escapes <, > and & (HTML-safe), quotes, backslashes, control characters, U+2028/U+2029, and turns
        // invalid UTF-8 into U+FFFD one byte at a time; other UTF-8 passes through as is.
        var line = Encoding.UTF8.GetBytes("a<b>&\"\\\t\r\u2028é").Concat(new byte[] { 0xFF, (byte)'z' }).ToArray();
        Assert.Equal(
            "{\"log\":\"a\\u003cb\\u003e\\u0026\\\"\\\\\\u0009\\r\\u2028é\\ufffdz\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-01T21:00:00.123456789Z\"}\n",
            Encode("stderr", line, null));
    }

    [Fact]
    public void APartialPieceHasNoNewlineUnlessItEndsTheLine()
    {
        Assert.Contains("\"log\":\"abc\",", Encode("stdout", "abc"u8.ToArray(), new PartialLogInfo("id", 1, Last: false)), StringComparison.Ordinal);
        Assert.Contains("\"log\":\"abc\\n\",", Encode("stdout", "abc"u8.ToArray(), new PartialLogInfo("id", 2, Last: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodesWhatItWrites()
    {
        var line = Encoding.UTF8.GetBytes("x<é>\u2028\"");
        var record = Encoding.UTF8.GetBytes(Encode("stderr", line, null).TrimEnd('\n'));

        Assert.True(JsonFileLogFormat.TryDecode(record, out var entry));
        Assert.Equal("stderr", entry!.Source);
        Assert.Equal(Time, entry.TimeUnixNanoseconds);
        Assert.Equal([.. line, (byte)'\n'], entry.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"log\":\"x\\n\",\"stream\":\"stdout\"}")]
    [InlineData("{\"log\":\"x\\n\",\"stream\":\"stdout\",\"time\":\"yesterday\"}")]
    public void RejectsLinesThatAreNotRecords(string line) =>
        Assert.False(JsonFileLogFormat.TryDecode(Encoding.UTF8.GetBytes(line), out _));

    [Fact]
    public void IgnoresDockersAttrs()
    {
        var line = "{\"log\":\"x\\n\",\"stream\":\"stdout\",\"attrs\":{\"tag\":\"t\"},\"time\":\"2026-12-01T21:00:00Z\"}"u8;
        Assert.True(JsonFileLogFormat.TryDecode(line, out var entry));
        Assert.Equal("x\n"u8.ToArray(), entry!.Line);
    }

    private static string Encode(string source, byte[] line, PartialLogInfo? partial)
    {
        var buffer = new ArrayBufferWriter<byte>();
        JsonFileLogFormat.Encode(buffer, source, Time, line, partial);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
