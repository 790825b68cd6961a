using System.Buffers;
using Wharf.Engine.Exec;

namespace Wharf.Engine.Tests.Exec;

public sealed class DetachKeyTests
{
    [Theory]
    [InlineData("ctrl-p,ctrl-q", new byte[] { 16, 17 })]
    [InlineData("ctrl-a", new byte[] { 1 })]
    [InlineData("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", new byte[] { 0, 27, 28, 29, 30, 31 })]
    [InlineData("a,b,ctrl-z", new byte[] { (byte)'a', (byte)'b', 26 })]
    [InlineData("DEL", new byte[] { 127 })]
    public void Parses_dockers_notation(string keys, byte[] expected)
    {
        Assert.True(DetachKeySequence.TryParse(keys, out var codes));
        Assert.Equal(expected, codes);
    }

    [Theory]
    [InlineData("ctrl-")]
    [InlineData("ctrl-P")]
    [InlineData("ab")]
    [InlineData("é")]
    [InlineData("a,,b")]
    [InlineData(",")]
    public void Refuses_unknown_keys(string keys)
    {
        Assert.False(DetachKeySequence.TryParse(keys, out _));
    }

    [Fact]
    public void The_sequence_is_swallowed_and_ends_the_input_even_in_one_read()
    {
        var matcher = new DetachKeyMatcher(DetachKeySequence.Default);
        var forward = new ArrayBufferWriter<byte>();

        var detached = matcher.Feed([(byte)'l', (byte)'s', 16, 17, (byte)'a'], forward);

        Assert.True(detached);
        Assert.Equal("ls"u8.ToArray(), forward.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_partial_sequence_is_held_back_across_reads_then_released()
    {
        var matcher = new DetachKeyMatcher(DetachKeySequence.Default);
        var forward = new ArrayBufferWriter<byte>();

        Assert.False(matcher.Feed([(byte)'a', 16], forward));
        Assert.Equal("a"u8.ToArray(), forward.WrittenSpan.ToArray());
        Assert.False(matcher.Feed("x"u8, forward));

        Assert.Equal([(byte)'a', 16, (byte)'x'], forward.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_repeated_first_key_still_detaches()
    {
        var matcher = new DetachKeyMatcher(DetachKeySequence.Default);
        var forward = new ArrayBufferWriter<byte>();

        Assert.True(matcher.Feed([16, 16, 17], forward));
        Assert.Equal(new byte[] { 16 }, forward.WrittenSpan.ToArray());
    }

    [Fact]
    public void Keys_held_at_the_end_of_input_are_flushed()
    {
        var matcher = new DetachKeyMatcher(new byte[] { 1, 2, 3 });
        var forward = new ArrayBufferWriter<byte>();

        Assert.False(matcher.Feed(new byte[] { 9, 1, 2 }, forward));
        matcher.Flush(forward);

        Assert.Equal(new byte[] { 9, 1, 2 }, forward.WrittenSpan.ToArray());
    }

    [Fact]
    public void Empty_keys_mean_ctrl_p_ctrl_q()
    {
        var matcher = new DetachKeyMatcher(ReadOnlyMemory<byte>.Empty);

        Assert.True(matcher.Feed(new byte[] { 16, 17 }, new ArrayBufferWriter<byte>()));
    }
}
