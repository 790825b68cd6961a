using System.Text;
using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Commands.Containers.Streams;
using Wharf.Client;

namespace Wharf.Cli.Tests.Containers;

/// <summary>stdcopy demultiplexing, detach keys and the exit codes run derives from start errors.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task Stdcopy_splits_frames_into_stdout_and_stderr()
    {
        var source = new MemoryStream([.. StdCopy.Frame(1, "one "u8), .. StdCopy.Frame(2, "two"u8), .. StdCopy.Frame(0, "in"u8), .. StdCopy.Frame(1, "three"u8)]);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();

        var written = await StdCopy.CopyAsync(source, stdout, stderr);

        Assert.Equal("one inthree", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("two", Encoding.UTF8.GetString(stderr.ToArray()));
        Assert.Equal(14, written);
    }

    [Fact]
    public async Task Stdcopy_reads_frames_split_across_reads()
    {
        var bytes = StdCopy.Frame(1, new byte[100_000]);
        using var stdout = new MemoryStream();

        await StdCopy.CopyAsync(new OneByteStream(bytes, endAfterwards: true), stdout, null);

        Assert.Equal(100_000, stdout.Length);
    }

    [Fact]
    public async Task A_system_error_frame_is_the_daemons_error()
    {
        var source = new MemoryStream([.. StdCopy.Frame(1, "ok"u8), .. StdCopy.Frame(3, "exec failed"u8)]);

        var error = await Assert.ThrowsAsync<IOException>(() => StdCopy.CopyAsync(source, Stream.Null, Stream.Null));

        Assert.Equal("error from daemon in stream: exec failed", error.Message);
    }

    [Fact]
    public async Task An_unknown_stream_type_is_refused()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => StdCopy.CopyAsync(new MemoryStream(StdCopy.Frame(7, "x"u8)), Stream.Null, Stream.Null));

        Assert.Equal("Unrecognized input header: 7", error.Message);
    }

    [Theory]
    [InlineData("ctrl-p,ctrl-q", new byte[] { 16, 17 })]
    [InlineData("ctrl-a", new byte[] { 1 })]
    [InlineData("a,ctrl-@,ctrl-_,DEL", new byte[] { 97, 0, 31, 127 })]
    public void Detach_keys_parse_like_moby_term(string keys, byte[] expected)
    {
        Assert.Equal(expected, DetachKeys.ToBytes(keys));
    }

    [Fact]
    public void An_unknown_detach_key_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => DetachKeys.ToBytes("shift-a"));

        Assert.Equal("Unknown character: 'shift-a'", error.Message);
    }

    [Fact]
    public async Task The_escape_proxy_holds_a_prefix_and_releases_it_when_the_sequence_breaks()
    {
        var proxy = new EscapeProxyStream(new OneByteStream([(byte)'a', 16, (byte)'b', (byte)'c'], endAfterwards: true), DetachKeys.Default);
        using var copy = new MemoryStream();

        await proxy.CopyToAsync(copy);

        Assert.Equal(new byte[] { (byte)'a', 16, (byte)'b', (byte)'c' }, copy.ToArray());
    }

    [Fact]
    public async Task The_full_sequence_typed_key_by_key_detaches_without_passing_it_on()
    {
        var proxy = new EscapeProxyStream(new OneByteStream([(byte)'a', 16, 17, (byte)'z'], endAfterwards: true), DetachKeys.Default);
        var buffer = new byte[16];

        Assert.Equal(1, await proxy.ReadAsync(buffer));
        await Assert.ThrowsAsync<DetachRequestedException>(async () => _ = await proxy.ReadAsync(buffer));
    }

    [Fact]
    public async Task Pasted_text_containing_the_keys_is_not_a_detach()
    {
        var bytes = new byte[] { 16, 17, (byte)'x' };
        var proxy = new EscapeProxyStream(new MemoryStream(bytes), DetachKeys.Default);
        using var copy = new MemoryStream();

        await proxy.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData("OCI runtime create failed: exec: \"nope\": executable file not found in $PATH", 127)]
    [InlineData("open /etc/x: no such file or directory", 127)]
    [InlineData("exec /entry.sh: permission denied", 126)]
    [InlineData("exec /data: is a directory", 126)]
    [InlineData("Conflict. The container name is already in use", 125)]
    public void Run_exit_codes_follow_dockers_start_error_mapping(string message, int exitCode)
    {
        Assert.Equal(exitCode, ContainerErrors.RunExitCode(message));
    }
}
