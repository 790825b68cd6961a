using System.Net;
using Wharf.Daemon.Api;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

public sealed class LogApiTests
{
    private static readonly DateTimeOffset Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public async Task Lines_are_framed_per_stream_with_timestamps_and_details()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.Log.Add(new LogRecord(OutputStream.Stdout, Time, "out\n"u8.ToArray()));
        api.Fakes.Log.Add(new LogRecord(OutputStream.Stderr, Time, "err\n"u8.ToArray()));
        using var client = await api.ConnectAsync();

        var head = await client.RequestAsync("GET", "/v1.50/containers/web/logs?stdout=1&stderr=1&timestamps=1&details=1&tail=10&since=1700000000.500000000&until=0", upgrade: false);
        var body = await client.ReadUntilAsync("0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/vnd.docker.multiplexed-stream\r\n", head, StringComparison.Ordinal);
        Assert.Contains("\u0001\0\0\0\0\0\0\u00242026-01-02T03:04:05.123456700Z  out\n", body, StringComparison.Ordinal);
        Assert.Contains("\u0002\0\0\0\0\0\0\u00242026-01-02T03:04:05.123456700Z  err\n", body, StringComparison.Ordinal);
        var options = api.Fakes.LastLogOptions!;
        Assert.Equal(10, options.Tail);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddMilliseconds(500), options.Since);
        Assert.Null(options.Until);
        Assert.False(options.Follow);
    }

    [Fact]
    public async Task A_tty_container_logs_raw()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.View = StreamFakes.Make(tty: true, running: false);
        api.Fakes.Log.Add(new LogRecord(OutputStream.Stdout, Time, "hello\r\n"u8.ToArray()));
        using var http = api.Server.CreateClient();

        using var response = await http.GetAsync("/v1.50/containers/web/logs?stdout=1&follow=1&tail=all");

        Assert.Equal("application/vnd.docker.raw-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hello\r\n", await response.Content.ReadAsStringAsync());
        Assert.Null(api.Fakes.LastLogOptions!.Tail);
        Assert.False(api.Fakes.LastLogOptions.Follow);
    }

    [Fact]
    public async Task Following_a_running_container_stops_when_it_stops()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var response = await http.GetAsync("/v1.50/containers/web/logs?stdout=1&follow=1", HttpCompletionOption.ResponseHeadersRead);

        var options = api.Fakes.LastLogOptions!;
        Assert.True(options.Follow);
        Assert.NotNull(options.StopFollowing);
        Assert.False(options.StopFollowing.IsCompleted);
        api.Fakes.Stopped.SetResult();
        await options.StopFollowing;
    }

    [Fact]
    public async Task Errors_answer_like_dockerd()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var noStream = await http.GetAsync("/v1.50/containers/web/logs");
        using var missing = await http.GetAsync("/v1.50/containers/nope/logs?stdout=1");
        using var badSince = await http.GetAsync("/v1.50/containers/web/logs?stdout=1&since=yesterday");
        api.Fakes.View = StreamFakes.Make(tty: false, running: true, logDriver: "none");
        using var none = await http.GetAsync("/v1.50/containers/web/logs?stdout=1");

        Assert.Equal(HttpStatusCode.BadRequest, noStream.StatusCode);
        Assert.Equal("{\"message\":\"Bad parameters: you must choose at least one stream\"}\n", await noStream.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, badSince.StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, none.StatusCode);
        Assert.Equal("{\"message\":\"configured logging driver does not support reading\"}\n", await none.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("all", null)]
    [InlineData("", null)]
    [InlineData("-1", null)]
    [InlineData("0", 0)]
    [InlineData("25", 25)]
    public void Tail_reads_like_dockerd(string text, int? expected)
    {
        Assert.Equal(expected, LogRoutes.ParseTail(text));
    }

    [Fact]
    public void Timestamps_always_have_nine_digits()
    {
        Assert.Equal("2026-01-02T03:04:05.000000000Z", LogLine.FormatTimestamp(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.Equal("2026-01-02T02:04:05.100000000Z", LogLine.FormatTimestamp(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)).AddMilliseconds(100)));
    }
}
