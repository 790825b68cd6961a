using System.Net;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

public sealed class AttachApiTests
{
    [Fact]
    public async Task Without_a_tty_the_output_is_multiplexed_and_stdin_reaches_the_process()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.View = StreamFakes.Make(tty: false, running: true, openStdin: true);
        var stream = api.Fakes.Task.Attached;
        using var client = await api.ConnectAsync();

        var head = await client.RequestAsync("POST", "/v1.50/containers/web/attach?stream=1&stdin=1&stdout=1&stderr=1");
        stream.Emit(OutputStream.Stdout, "out\n");
        stream.Emit(OutputStream.Stderr, "err\n");
        var first = await client.ReadFrameAsync();
        var second = await client.ReadFrameAsync();
        await client.SendAsync("hello\n"u8.ToArray());
        await stream.WaitForStdinAsync("hello\n");
        client.CloseWrite();
        await stream.StdinClosed;
        stream.End();
        var rest = await client.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n", head, StringComparison.Ordinal);
        Assert.Equal(((byte)1, "out\n"), first);
        Assert.Equal(((byte)2, "err\n"), second);
        Assert.Empty(rest);
        Assert.Contains(api.Events.Recent(), e => e.Action == "attach" && e.Attributes["name"] == "web" && e.Attributes["tier"] == "web");
    }

    [Fact]
    public async Task With_a_tty_the_output_is_raw_and_the_detach_keys_end_the_attach()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.View = StreamFakes.Make(tty: true, running: true, openStdin: true);
        var stream = api.Fakes.Task.Attached;
        using var client = await api.ConnectAsync();

        var head = await client.RequestAsync("POST", "/v1.50/containers/web/attach?stream=1&stdin=1&stdout=1&stderr=1");
        stream.Emit(OutputStream.Stdout, "$ ");
        var prompt = await client.ReadUntilAsync("$ ");
        await client.SendAsync([(byte)'l', (byte)'s', 16]);
        await client.SendAsync([17]);
        var rest = await client.ReadToEndAsync();

        Assert.Contains("Content-Type: application/vnd.docker.raw-stream", head, StringComparison.Ordinal);
        Assert.Equal("$ ", prompt);
        Assert.Empty(rest);
        Assert.Equal("ls", stream.StdinText);
        Assert.False(stream.StdinClosed.IsCompleted);
        Assert.Contains(api.Events.Recent(), e => e.Action == "detach");
    }

    [Fact]
    public async Task Custom_detach_keys_are_used()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.View = StreamFakes.Make(tty: true, running: true, openStdin: true);
        using var client = await api.ConnectAsync();

        await client.RequestAsync("POST", "/v1.50/containers/web/attach?stream=1&stdin=1&stdout=1&detachKeys=ctrl-x,a");
        await client.SendAsync([16, 17, 24, (byte)'a']);
        var rest = await client.ReadToEndAsync();

        Assert.Empty(rest);
        Assert.Equal("\u0010\u0011", api.Fakes.Task.Attached.StdinText);
    }

    [Fact]
    public async Task Bad_detach_keys_and_unknown_containers_are_plain_errors()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var badKeys = await http.PostAsync("/v1.50/containers/web/attach?stream=1&detachKeys=ctrl-", null);
        using var missing = await http.PostAsync("/v1.50/containers/nope/attach?stream=1", null);

        Assert.Equal(HttpStatusCode.BadRequest, badKeys.StatusCode);
        Assert.Equal("{\"message\":\"Invalid detach keys (ctrl-) provided\"}\n", await badKeys.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"message\":\"No such container: nope\"}\n", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_upgrade_or_before_api_1_42_the_stream_is_called_raw()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.Task.Attached.End();
        using var plain = await api.ConnectAsync();
        using var old = await api.ConnectAsync();

        var plainHead = await plain.RequestAsync("POST", "/v1.50/containers/web/attach?stream=1&stdout=1", upgrade: false);
        var oldHead = await old.RequestAsync("POST", "/v1.41/containers/web/attach?stream=1&stdout=1");

        Assert.StartsWith("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n", plainHead, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n", oldHead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_are_replayed_first_and_without_stream_that_is_all()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.Log.Add(new LogRecord(OutputStream.Stdout, DateTimeOffset.UnixEpoch, "one\n"u8.ToArray()));
        api.Fakes.Log.Add(new LogRecord(OutputStream.Stderr, DateTimeOffset.UnixEpoch, "two\n"u8.ToArray()));
        using var client = await api.ConnectAsync();

        await client.RequestAsync("POST", "/v1.50/containers/web/attach?logs=1&stdout=1&stderr=1");
        var first = await client.ReadFrameAsync();
        var second = await client.ReadFrameAsync();
        var rest = await client.ReadToEndAsync();

        Assert.Equal(((byte)1, "one\n"), first);
        Assert.Equal(((byte)2, "two\n"), second);
        Assert.Empty(rest);
    }

    [Fact]
    public async Task With_stdin_once_the_attach_lasts_until_the_container_stops()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.View = StreamFakes.Make(tty: false, running: true, openStdin: true, stdinOnce: true);
        var stream = api.Fakes.Task.Attached;
        using var client = await api.ConnectAsync();

        await client.RequestAsync("POST", "/v1.50/containers/web/attach?stream=1&stdin=1&stdout=1");
        client.CloseWrite();
        await stream.StdinClosed;
        stream.End();
        await stream.Disposed;
        var closing = client.ReadToEndAsync();
        await Task.Delay(50);
        var closedBeforeStop = closing.IsCompleted;
        api.Fakes.Stopped.SetResult();
        await closing;

        Assert.False(closedBeforeStop);
    }

    [Fact]
    public async Task Resize_reaches_a_running_container_and_is_a_conflict_otherwise()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var resized = await http.PostAsync("/v1.50/containers/web/resize?h=40&w=120", null);
        using var bad = await http.PostAsync("/v1.50/containers/web/resize?h=x&w=1", null);
        api.Fakes.View = StreamFakes.Make(tty: true, running: false);
        using var stopped = await http.PostAsync("/v1.50/containers/web/resize?h=1&w=1", null);

        Assert.Equal(HttpStatusCode.OK, resized.StatusCode);
        Assert.Equal([(40, 120)], api.Fakes.Task.Resizes);
        Assert.Contains(api.Events.Recent(), e => e.Action == "resize" && e.Attributes["height"] == "40" && e.Attributes["width"] == "120");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("{\"message\":\"invalid resize height \\\"x\\\": strconv.ParseUint: parsing \\\"x\\\": invalid syntax\"}\n", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
        Assert.Equal($"{{\"message\":\"Container {StreamFakes.Id} is not running\"}}\n", await stopped.Content.ReadAsStringAsync());
    }
}
