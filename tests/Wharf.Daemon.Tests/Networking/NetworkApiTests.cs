using System.Net;
using System.Text;
using System.Text.Json;

namespace Wharf.Daemon.Tests.Networking;

public sealed class NetworkApiTests
{
    [Fact]
    public async Task List_and_inspect_answer_json_and_pass_the_query()
    {
        await using var api = NetworkApiServer.Start();
        using var client = api.Server.CreateClient();

        using var list = await client.GetAsync("/v1.50/networks?filters=%7B%22driver%22%3A%7B%22bridge%22%3Atrue%7D%7D");
        using var inspect = await client.GetAsync("/v1.50/networks/app?verbose=true&scope=local");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal("app", listed.RootElement[0].GetProperty("Name").GetString());
        Assert.Contains("list {\"driver\":{\"bridge\":true}}", api.Networks.Calls);
        Assert.Equal(HttpStatusCode.OK, inspect.StatusCode);
        using var inspected = JsonDocument.Parse(await inspect.Content.ReadAsStringAsync());
        Assert.Equal("172.18.0.0/16", inspected.RootElement.GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString());
        Assert.False(inspected.RootElement.GetProperty("IPAM").GetProperty("Config")[0].TryGetProperty("IPRange", out _));
        Assert.Contains("inspect app verbose=True scope=local", api.Networks.Calls);
    }

    [Fact]
    public async Task A_missing_network_is_a_404_with_dockers_message()
    {
        await using var api = NetworkApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.GetAsync("/v1.50/networks/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"message\":\"network missing not found\"}\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_answers_201_with_the_id_and_a_duplicate_409()
    {
        await using var api = NetworkApiServer.Start();
        using var client = api.Server.CreateClient();

        using var created = await client.PostAsync("/v1.50/networks/create", Json("{\"Name\":\"web\",\"Driver\":\"bridge\",\"Internal\":true,\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.5.0.0/16\"}]},\"Labels\":{\"a\":\"b\"}}"));
        var sent = api.Networks.LastCreate!;
        using var duplicate = await client.PostAsync("/v1.50/networks/create", Json("{\"Name\":\"app\"}"));
        using var broken = await client.PostAsync("/v1.50/networks/create", Json("{\"Name\":"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{{\"Id\":\"{FakeNetworkService.AppId}\",\"Warning\":\"\"}}\n", await created.Content.ReadAsStringAsync());
        Assert.True(sent.Internal);
        Assert.Equal("10.5.0.0/16", sent.IPAM!.Config![0].Subnet);
        Assert.Equal("b", sent.Labels!["a"]);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("{\"message\":\"network with name app already exists\"}\n", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task Delete_answers_204_and_a_predefined_network_403()
    {
        await using var api = NetworkApiServer.Start();
        using var client = api.Server.CreateClient();

        using var removed = await client.DeleteAsync("/v1.50/networks/app");
        using var predefined = await client.DeleteAsync("/v1.50/networks/bridge");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Contains("remove app", api.Networks.Calls);
        Assert.Equal(HttpStatusCode.Forbidden, predefined.StatusCode);
        Assert.Equal("{\"message\":\"bridge is a pre-defined network and cannot be removed\"}\n", await predefined.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Prune_passes_the_filters_and_lists_the_removed_networks()
    {
        await using var api = NetworkApiServer.Start();
        using var client = api.Server.CreateClient();

        using var response = await client.PostAsync("/v1.50/networks/prune?filters=%7B%22until%22%3A%5B%221h%22%5D%7D", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"NetworksDeleted\":[\"old\"]}\n", await response.Content.ReadAsStringAsync());
        Assert.Contains("prune {\"until\":[\"1h\"]}", api.Networks.Calls);
    }

    [Fact]
    public async Task Connect_and_disconnect_go_to_the_attachments()
    {
        await using var api = NetworkApiServer.Start();
        using var client = api.Server.CreateClient();

        using var connect = await client.PostAsync("/v1.50/networks/app/connect", Json("{\"Container\":\"web\",\"EndpointConfig\":{\"Aliases\":[\"www\"],\"IPAMConfig\":{\"IPv4Address\":\"172.18.0.9\"}}}"));
        using var disconnect = await client.PostAsync("/v1.50/networks/app/disconnect", Json("{\"Container\":\"web\",\"Force\":true}"));

        Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disconnect.StatusCode);
        Assert.Contains("connect app web", api.Networks.Calls);
        Assert.Equal(["www"], api.Networks.LastEndpoint!.Aliases!);
        Assert.Equal("172.18.0.9", api.Networks.LastEndpoint.IPAMConfig!.IPv4Address);
        Assert.Contains("disconnect app web force=True", api.Networks.Calls);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
