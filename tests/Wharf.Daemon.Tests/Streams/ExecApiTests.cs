using System.Net;
using System.Text;
using System.Text.Json;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

public sealed class ExecApiTests
{
    [Fact]
    public async Task Create_start_and_inspect_like_docker_exec()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.Task.OnExec = exec =>
        {
            exec.Output.Emit(OutputStream.Stdout, "hi\n");
            exec.Output.Emit(OutputStream.Stderr, "oops\n");
        };
        using var http = api.Server.CreateClient();
        using var client = await api.ConnectAsync();

        using var created = await http.PostAsync("/v1.50/containers/web/exec", Json("{\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"cat\"]}"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetString()!;
        var head = await client.RequestAsync("POST", $"/v1.50/exec/{id}/start", "{\"Detach\":false,\"Tty\":false}");
        var first = await client.ReadFrameAsync();
        var second = await client.ReadFrameAsync();
        var exec = api.Fakes.Task.Execs.Single();
        using var running = await http.GetAsync($"/v1.50/exec/{id}/json");
        await client.SendAsync("input"u8.ToArray());
        client.CloseWrite();
        await exec.Output.StdinClosed;
        exec.Exit(5);
        var rest = await client.ReadToEndAsync();
        using var ended = await http.GetAsync($"/v1.50/exec/{id}/json");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n", head, StringComparison.Ordinal);
        Assert.Equal(((byte)1, "hi\n"), first);
        Assert.Equal(((byte)2, "oops\n"), second);
        Assert.Empty(rest);
        Assert.Equal("input", exec.Output.StdinText);
        var runningJson = JsonDocument.Parse(await running.Content.ReadAsStringAsync()).RootElement;
        Assert.True(runningJson.GetProperty("Running").GetBoolean());
        Assert.Equal(JsonValueKind.Null, runningJson.GetProperty("ExitCode").ValueKind);
        var endedJson = JsonDocument.Parse(await ended.Content.ReadAsStringAsync()).RootElement;
        Assert.False(endedJson.GetProperty("Running").GetBoolean());
        Assert.Equal(5, endedJson.GetProperty("ExitCode").GetInt32());
        Assert.Equal("cat", endedJson.GetProperty("ProcessConfig").GetProperty("entrypoint").GetString());
    }

    [Fact]
    public async Task A_tty_exec_is_raw_and_detaches_with_its_keys()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.Task.OnExec = exec => exec.Output.Emit(OutputStream.Stdout, "# ");
        using var http = api.Server.CreateClient();
        using var client = await api.ConnectAsync();

        using var created = await http.PostAsync("/v1.50/containers/web/exec", Json("{\"AttachStdin\":true,\"AttachStdout\":true,\"Tty\":true,\"Cmd\":[\"sh\"],\"ConsoleSize\":[30,100]}"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetString()!;
        var head = await client.RequestAsync("POST", $"/v1.50/exec/{id}/start", "{\"Tty\":true}");
        var prompt = await client.ReadUntilAsync("# ");
        await client.SendAsync([(byte)'x', 16, 17]);
        var rest = await client.ReadToEndAsync();

        Assert.Contains("application/vnd.docker.raw-stream", head, StringComparison.Ordinal);
        Assert.Equal("# ", prompt);
        Assert.Empty(rest);
        var exec = api.Fakes.Task.Execs.Single();
        Assert.Equal("x", exec.Output.StdinText);
        Assert.Equal((30, 100), (exec.Spec.InitialHeight, exec.Spec.InitialWidth));
        Assert.Contains(api.Events.Recent(), e => e.Action == "exec_detach");
    }

    [Fact]
    public async Task A_detached_start_answers_at_once()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var created = await http.PostAsync("/v1.50/containers/web/exec", Json("{\"Cmd\":[\"sleep\",\"9\"]}"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetString()!;
        using var started = await http.PostAsync($"/v1.50/exec/{id}/start", Json("{\"Detach\":true}"));

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("", await started.Content.ReadAsStringAsync());
        Assert.Single(api.Fakes.Task.Execs);
    }

    [Fact]
    public async Task A_start_the_runtime_refuses_reports_in_the_stream()
    {
        await using var api = StreamApiServer.Start();
        api.Fakes.Task.OnExec = _ => throw Wharf.Engine.Errors.EngineException.InvalidParameter("exec: \"nope\": executable file not found in $PATH");
        using var http = api.Server.CreateClient();
        using var client = await api.ConnectAsync();

        using var created = await http.PostAsync("/v1.50/containers/web/exec", Json("{\"AttachStdout\":true,\"Cmd\":[\"nope\"]}"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetString()!;
        await client.RequestAsync("POST", $"/v1.50/exec/{id}/start", "{}");
        var message = await client.ReadFrameAsync();
        using var inspect = await http.GetAsync($"/v1.50/exec/{id}/json");

        Assert.Equal(((byte)1, "exec: \"nope\": executable file not found in $PATH\r\n"), message);
        Assert.Equal(127, JsonDocument.Parse(await inspect.Content.ReadAsStringAsync()).RootElement.GetProperty("ExitCode").GetInt32());
    }

    [Fact]
    public async Task Errors_answer_like_dockerd()
    {
        await using var api = StreamApiServer.Start();
        using var http = api.Server.CreateClient();

        using var noCmd = await http.PostAsync("/v1.50/containers/web/exec", Json("{\"Cmd\":[]}"));
        using var noContainer = await http.PostAsync("/v1.50/containers/nope/exec", Json("{\"Cmd\":[\"true\"]}"));
        using var noExec = await http.PostAsync("/v1.50/exec/deadbeef/start", Json("{}"));
        using var noExecJson = await http.GetAsync("/v1.50/exec/deadbeef/json");
        api.Fakes.View = StreamFakes.Make(tty: false, running: false);
        using var stopped = await http.PostAsync("/v1.50/containers/web/exec", Json("{\"Cmd\":[\"true\"]}"));

        Assert.Equal(HttpStatusCode.BadRequest, noCmd.StatusCode);
        Assert.Equal("{\"message\":\"No exec command specified\"}\n", await noCmd.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noContainer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noExec.StatusCode);
        Assert.Equal("{\"message\":\"No such exec instance: deadbeef\"}\n", await noExec.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noExecJson.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
        Assert.Equal($"{{\"message\":\"Container {StreamFakes.Id} is not running\"}}\n", await stopped.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
