using System.Net;
using System.Text;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Daemon.Tests.Containers;

public sealed class ContainerApiTests
{
    private const string RunBody = """{"Image":"busybox","Cmd":["sleep","100"],"HostConfig":{"NetworkMode":"default","RestartPolicy":{"Name":"no","MaximumRetryCount":0}}}""";

    [Fact]
    public async Task Create_answers_201_with_the_id_and_passes_name_and_platform()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.PostAsync("/v1.50/containers/create?name=web&platform=linux%2Famd64", Json(RunBody));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("{\"Id\":\"abc\",\"Warnings\":[]}\n", await response.Content.ReadAsStringAsync());
        Assert.Contains("create name=web platform=linux/amd64", api.Containers.Calls);
        Assert.Equal(["sleep", "100"], api.Containers.LastCreate!.Cmd);
        Assert.Equal("no", api.Containers.LastCreate.HostConfig!.RestartPolicy.Name);
    }

    [Fact]
    public async Task Create_before_api_1_41_ignores_the_platform()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.PostAsync("/v1.40/containers/create?platform=linux", Json(RunBody));

        Assert.Contains("create name=<null> platform=<null>", api.Containers.Calls);
    }

    [Fact]
    public async Task Create_with_a_malformed_body_or_a_missing_image_has_dockers_errors()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var malformed = await client.PostAsync("/v1.50/containers/create", Json("{\"Image\":"));
        using var empty = await client.PostAsync("/v1.50/containers/create", Json(""));
        using var missing = await client.PostAsync("/v1.50/containers/create", Json("{\"Image\":\"missing\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.StartsWith("{\"message\":\"invalid JSON: ", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("{\"message\":\"invalid JSON: got EOF while reading request body\"}\n", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"message\":\"No such image: missing:latest\"}\n", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_is_204_and_an_already_started_container_is_304()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var started = await client.PostAsync("/v1.50/containers/web/start", null);
        api.Containers.StartError = new EngineException(ErrorKind.NotModified, "container already started");
        using var again = await client.PostAsync("/v1.50/containers/web/start", null);
        using var missing = await client.PostAsync("/v1.50/containers/missing/start", null);

        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal("", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"message\":\"No such container: missing\"}\n", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stop_and_restart_take_t_and_signal_from_api_1_42()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var stop = await client.PostAsync("/v1.50/containers/web/stop?t=3&signal=SIGINT", null);
        using var old = await client.PostAsync("/v1.41/containers/web/stop?signal=SIGINT", null);
        using var restart = await client.PostAsync("/v1.50/containers/web/restart?t=-1", null);
        using var bad = await client.PostAsync("/v1.50/containers/web/stop?t=abc", null);

        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Equal(["stop web signal=SIGINT t=3", "stop web signal=<null> t=<null>", "restart web signal=<null> t=-1"], api.Containers.Calls);
        Assert.Equal(HttpStatusCode.InternalServerError, bad.StatusCode);
        Assert.Equal("{\"message\":\"strconv.Atoi: parsing \\\"abc\\\": invalid syntax\"}\n", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Kill_errors_are_prefixed_as_dockerd_does()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var killed = await client.PostAsync("/v1.50/containers/web/kill?signal=HUP", null);
        api.Containers.KillError = EngineException.Conflict("Container abc is not running");
        using var stopped = await client.PostAsync("/v1.50/containers/web/kill", null);

        Assert.Equal(HttpStatusCode.NoContent, killed.StatusCode);
        Assert.Contains("kill web signal=HUP", api.Containers.Calls);
        Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
        Assert.Equal("{\"message\":\"Cannot kill container: web: Container abc is not running\"}\n", await stopped.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wait_sends_its_headers_first_and_the_status_code_when_the_container_exits()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1.50/containers/web/wait?condition=next-exit"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WaitCondition.NextExit, api.Containers.LastWaitCondition);
        var body = response.Content.ReadAsStringAsync();
        Assert.False(body.IsCompleted);
        api.Containers.WaitResult.SetResult(new Wharf.Api.ContainerWaitResponse { StatusCode = 3 });
        Assert.Equal("{\"StatusCode\":3}\n", await body);
        using var next = await client.GetAsync("/v1.50/containers/json");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Wait_errors_before_the_headers_are_normal_responses()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var missing = await client.PostAsync("/v1.50/containers/missing/wait", null);
        using var bad = await client.PostAsync("/v1.50/containers/web/wait?condition=bogus", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("{\"message\":\"invalid condition: \\\"bogus\\\"\"}\n", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_passes_force_v_and_link()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.DeleteAsync("/v1.50/containers/web?force=1&v=true");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("rm web force=True v=True link=False", api.Containers.Calls);
    }

    [Fact]
    public async Task Ps_parses_all_limit_size_and_filters()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.GetAsync("/v1.50/containers/json?all=1&limit=5&size=true&filters=%7B%22status%22%3A%7B%22exited%22%3Atrue%7D%7D");
        using var bad = await client.GetAsync("/v1.50/containers/json?limit=x");

        Assert.Equal(new ContainerListOptions(true, 5, true, "{\"status\":{\"exited\":true}}"), api.Containers.LastList);
        Assert.Contains("\"Names\":[\"/web\"]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, bad.StatusCode);
    }

    [Fact]
    public async Task Inspect_changes_and_export()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var inspect = await client.GetAsync("/v1.50/containers/web/json?size=1");
        using var noChanges = await client.GetAsync("/v1.50/containers/web/changes");
        api.Containers.ChangeList = [new Wharf.Api.FilesystemChange { Path = "/tmp", Kind = 0 }];
        using var changes = await client.GetAsync("/v1.50/containers/web/changes");
        using var export = await client.GetAsync("/v1.50/containers/web/export");
        using var exportMissing = await client.GetAsync("/v1.50/containers/missing/export");

        Assert.Contains("inspect web size=True", api.Containers.Calls);
        Assert.Contains("\"SizeRw\":5", await inspect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("null\n", await noChanges.Content.ReadAsStringAsync());
        Assert.Equal("[{\"Path\":\"/tmp\",\"Kind\":0}]\n", await changes.Content.ReadAsStringAsync());
        Assert.Equal("application/x-tar", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tar-bytes", await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, exportMissing.StatusCode);
    }

    [Fact]
    public async Task Rename_update_pause_and_prune()
    {
        await using var api = ContainerApiServer.Start();
        using var client = api.Server.CreateClient();

        using var rename = await client.PostAsync("/v1.50/containers/web/rename?name=api", null);
        using var update = await client.PostAsync("/v1.50/containers/web/update", Json("{\"Memory\":1000,\"PidsLimit\":-1,\"RestartPolicy\":{\"Name\":\"always\"}}"));
        using var pause = await client.PostAsync("/v1.50/containers/web/pause", null);
        using var unpause = await client.PostAsync("/v1.50/containers/web/unpause", null);
        using var prune = await client.PostAsync("/v1.50/containers/prune?filters=%7B%22until%22%3A%7B%221h%22%3Atrue%7D%7D", null);

        Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);
        Assert.Contains("rename web api", api.Containers.Calls);
        Assert.Equal("{\"Warnings\":null}\n", await update.Content.ReadAsStringAsync());
        Assert.Equal((1000L, 0L, "always"), (api.Containers.LastUpdate!.Memory, api.Containers.LastUpdate.PidsLimit!.Value, api.Containers.LastUpdate.RestartPolicy!.Name));
        Assert.Equal(HttpStatusCode.NoContent, pause.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unpause.StatusCode);
        Assert.Equal("{\"ContainersDeleted\":[\"abc\"],\"SpaceReclaimed\":12}\n", await prune.Content.ReadAsStringAsync());
        Assert.Contains("prune {\"until\":{\"1h\":true}}", api.Containers.Calls);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
