using System.Net;
using System.Text.Json;

namespace Wharf.Daemon.Tests.Streams;

public sealed class StatsApiTests
{
    [Fact]
    public async Task One_shot_answers_one_sample()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var response = await http.GetAsync("/v1.50/containers/web/stats?stream=0&one-shot=1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var sample = JsonDocument.Parse(body).RootElement;
        Assert.Equal("/web", sample.GetProperty("name").GetString());
        Assert.Equal(4096, sample.GetProperty("memory_stats").GetProperty("usage").GetInt64());
        Assert.Equal("0001-01-01T00:00:00Z", sample.GetProperty("preread").GetString());
        Assert.False(sample.TryGetProperty("networks", out _));
        Assert.EndsWith("}\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_sends_one_json_line_per_sample()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var response = await http.GetAsync("/v1.50/containers/web/stats", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement;
        var second = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement;

        Assert.Equal(1, first.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetInt64());
        Assert.Equal(1, second.GetProperty("precpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetInt64());
        Assert.Equal(2, second.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetInt64());
    }

    [Fact]
    public async Task Stream_and_one_shot_together_is_a_bad_request_and_top_passes_ps_args()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var both = await http.GetAsync("/v1.50/containers/web/stats?stream=1&one-shot=1");
        using var top = await http.GetAsync("/v1.50/containers/web/top?ps_args=aux");

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal("{\"Titles\":[\"PID\",\"CMD\"],\"Processes\":[[\"1\",\"aux\"]]}\n", await top.Content.ReadAsStringAsync());
    }
}
