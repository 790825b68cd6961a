using System.Net;
using System.Text.Json;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>Many containers at once and many short-lived ones: everything works and nothing is left on the machine.</summary>
public sealed class LifecycleScaleTests(ITestOutputHelper output)
{
    [RootFact]
    public async Task Fifty_containers_start_in_parallel_and_are_removed_cleanly()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);

        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => d.DockerOkAsync("run", "-d", "--name", $"par{i}", "busybox", "sleep", "300")));
        var running = await d.DockerOkAsync("ps", "-q");
        Assert.Equal(50, running.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(50, ids.Distinct().Count());

        await Task.WhenAll(ids.Select(id => d.DockerOkAsync("rm", "-f", id)));

        Assert.Equal("", await d.DockerOkAsync("ps", "-aq"));
        await d.AssertNothingLeftAsync();
    }

    /// <summary>What <c>docker run --rm</c> does over the API: create with AutoRemove, wait for removal, start.</summary>
    [RootFact]
    public async Task Two_hundred_run_rm_cycles_leave_nothing_behind()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);
        var api = d.Daemon.Api;

        for (var i = 0; i < 200; i++)
        {
            using var create = await api.PostJsonAsync("/v1.50/containers/create", """{"Image":"busybox","Cmd":["sh","-c","exit 7"],"HostConfig":{"AutoRemove":true}}""");
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
            using var created = JsonDocument.Parse(await create.Content.ReadAsStringAsync());
            var id = created.RootElement.GetProperty("Id").GetString()!;
            d.Track(id);
            using var wait = await api.SendAsync(HttpMethod.Post, $"/v1.50/containers/{id}/wait?condition=removed", completion: HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, wait.StatusCode);
            using var start = await api.PostJsonAsync($"/v1.50/containers/{id}/start", "");
            Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
            Assert.Equal("{\"StatusCode\":7}\n", await wait.Content.ReadAsStringAsync());
        }

        Assert.Equal("", await d.DockerOkAsync("ps", "-aq"));
        await d.AssertNothingLeftAsync();
    }
}
