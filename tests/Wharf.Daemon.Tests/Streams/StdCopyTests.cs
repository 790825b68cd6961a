using System.Buffers;
using Wharf.Daemon.Api;

namespace Wharf.Daemon.Tests.Streams;

public sealed class StdCopyTests
{
    [Fact]
    public void Frames_have_the_stream_three_zeros_and_a_big_endian_length()
    {
        var buffer = new ArrayBufferWriter<byte>();

        StdCopy.Append(buffer, multiplexed: true, StdCopy.Stderr, new byte[300]);

        Assert.Equal(new byte[] { 2, 0, 0, 0, 0, 0, 1, 44 }, buffer.WrittenSpan[..8].ToArray());
        Assert.Equal(308, buffer.WrittenCount);
    }

    [Fact]
    public void Raw_streams_and_empty_writes_add_no_header()
    {
        var buffer = new ArrayBufferWriter<byte>();

        StdCopy.Append(buffer, multiplexed: false, StdCopy.Stdout, "x"u8);
        StdCopy.Append(buffer, multiplexed: true, StdCopy.Stdout, ReadOnlySpan<byte>.Empty);

        Assert.Equal("x"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }
}
