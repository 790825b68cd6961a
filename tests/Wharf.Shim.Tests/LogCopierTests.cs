using System.Text;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests;

public sealed class LogCopierTests
{
    [Fact]
    public void SplitsChunksIntoLinesWhateverTheChunkBoundaries()
    {
        var sink = new RecordingSink();
        var copier = new LogCopier("stdout", sink, () => 7);

        copier.Write("one\ntw"u8);
        copier.Write("o\nthree\n"u8);
        copier.Finish();

        Assert.Equal(["one", "two", "three"], sink.Records.Select(r => r.Line));
        Assert.All(sink.Records, r => Assert.Null(r.Partial));
        Assert.All(sink.Records, r => Assert.Equal(7, r.Time));
    }

    [Fact]
    public void ALineLongerThanTheBufferGoesOutInPiecesSharingIdAndTime()
    {
        var sink = new RecordingSink();
        var clock = 100L;
        var copier = new LogCopier("stderr", sink, () => clock++);
        var longLine = new string('x', (LogCopier.BufferSize * 2) + 10);

        copier.Write(Encoding.ASCII.GetBytes(longLine + "\nnext\n"));
        copier.Finish();

        Assert.Equal(4, sink.Records.Count);
        var pieces = sink.Records.Take(3).ToList();
        Assert.Equal([LogCopier.BufferSize, LogCopier.BufferSize, 10], pieces.Select(p => p.Line.Length));
        Assert.Equal([1, 2, 3], pieces.Select(p => p.Partial!.Value.Ordinal));
        Assert.Equal([false, false, true], pieces.Select(p => p.Partial!.Value.Last));
        Assert.Single(pieces.Select(p => p.Partial!.Value.Id).Distinct());
        Assert.Single(pieces.Select(p => p.Time).Distinct());
        Assert.Equal("next", sink.Records[3].Line);
        Assert.Null(sink.Records[3].Partial);
        Assert.Equal(longLine, string.Concat(pieces.Select(p => p.Line)));
    }

    [Fact]
    public void BytesLeftAtTheEndOfTheStreamAreAPartialPiece()
    {
        var sink = new RecordingSink();
        var copier = new LogCopier("stdout", sink, () => 1);

        copier.Write("done\nprompt> "u8);
        copier.Finish();

        Assert.Equal(2, sink.Records.Count);
        Assert.Equal("prompt> ", sink.Records[1].Line);
        Assert.False(sink.Records[1].Partial!.Value.Last);
    }

    private sealed class RecordingSink : ILogSink
    {
        public List<(string Source, long Time, string Line, PartialLogInfo? Partial)> Records { get; } = [];

        public void Write(string source, long timeUnixNanoseconds, ReadOnlySpan<byte> line, PartialLogInfo? partial) =>
            Records.Add((source, timeUnixNanoseconds, Encoding.ASCII.GetString(line), partial));

        public void Flush()
        {
        }
    }
}
