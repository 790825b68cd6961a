namespace Wharf.Cli.Tests.Images;

public sealed class ImageChangeTests
{
    private static Dictionary<string, string> Host(FakeDaemon daemon) => new() { ["DOCKER_HOST"] = daemon.Host };

    [Fact]
    public async Task Tag_sends_repo_and_tag_of_the_target()
    {
        await using var daemon = new FakeDaemon().On("/images/fixture/layers:1/tag", _ => "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

        var (code, output, error) = await CliRunner.RunAsync(["tag", "fixture/layers:1", "localhost:5000/a/b:v2"], Host(daemon));

        Assert.Equal((0, "", ""), (code, output, error));
        var line = Assert.Single(daemon.RequestLines, l => l.Contains("/tag", StringComparison.Ordinal));
        Assert.Equal("POST /v1.50/images/fixture/layers:1/tag?repo=localhost%3A5000%2Fa%2Fb&tag=v2 HTTP/1.1", line);
    }

    [Fact]
    public async Task Tag_refuses_a_digest_target()
    {
        await using var daemon = new FakeDaemon();

        var (code, _, error) = await CliRunner.RunAsync(["image", "tag", "a", "b@sha256:1111111111111111111111111111111111111111111111111111111111111111"], Host(daemon));

        Assert.Equal(1, code);
        Assert.Equal("refusing to create a tag with a digest reference\n", error);
    }

    [Fact]
    public async Task Rmi_prints_untagged_and_deleted_lines()
    {
        await using var daemon = new FakeDaemon().OnJson("/images/fixture/layers:1", """[{"Untagged":"fixture/layers:1"},{"Deleted":"sha256:bc09"},{"Deleted":"sha256:aa"}]""");

        var (code, output, error) = await CliRunner.RunAsync(["rmi", "-f", "--no-prune", "fixture/layers:1"], Host(daemon));

        Assert.Equal((0, ""), (code, error));
        Assert.Equal("Untagged: fixture/layers:1\nDeleted: sha256:bc09\nDeleted: sha256:aa\n", output);
        Assert.Contains(daemon.RequestLines, l => l == "DELETE /v1.50/images/fixture/layers:1?force=1&noprune=1 HTTP/1.1");
    }

    [Fact]
    public async Task Rmi_of_a_missing_image_fails_but_only_warns_with_force()
    {
        await using var daemon = new FakeDaemon().On("/images/nope", _ => FakeDaemon.Response(404, """{"message":"No such image: nope:latest"}"""));

        var plain = await CliRunner.RunAsync(["rmi", "nope"], Host(daemon));
        var forced = await CliRunner.RunAsync(["rmi", "-f", "nope"], Host(daemon));

        Assert.Equal((1, "Error response from daemon: No such image: nope:latest\n"), (plain.ExitCode, plain.Err));
        Assert.Equal((0, "Error response from daemon: No such image: nope:latest\n"), (forced.ExitCode, forced.Err));
    }

    [Fact]
    public async Task Rmi_conflict_fails_even_with_force()
    {
        await using var daemon = new FakeDaemon().On("/images/busy", _ => FakeDaemon.Response(409, """{"message":"conflict: unable to delete busy (must be forced)"}"""));

        var (code, _, error) = await CliRunner.RunAsync(["image", "rm", "-f", "busy"], Host(daemon));

        Assert.Equal(1, code);
        Assert.Equal("Error response from daemon: conflict: unable to delete busy (must be forced)\n", error);
    }

    [Fact]
    public async Task Prune_with_force_lists_what_went()
    {
        await using var daemon = new FakeDaemon().OnJson("/images/prune", """{"ImagesDeleted":[{"Untagged":"a:1"},{"Deleted":"sha256:bc09"}],"SpaceReclaimed":4865123}""");

        var (code, output, _) = await ImageCli.RunAsync(daemon, new FakeStreams(), "image", "prune", "-a", "-f", "--filter", "label=x");

        Assert.Equal(0, code);
        Assert.Equal("Deleted Images:\nuntagged: a:1\ndeleted: sha256:bc09\n\nTotal reclaimed space: 4.865MB\n", output);
        var query = Uri.UnescapeDataString(Assert.Single(daemon.RequestLines, l => l.Contains("prune", StringComparison.Ordinal)));
        Assert.Contains("""filters={"dangling":{"false":true},"label":{"x":true}}""", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_asks_first_and_quietly_stops_on_no()
    {
        await using var daemon = new FakeDaemon().OnJson("/images/prune", """{"ImagesDeleted":null,"SpaceReclaimed":0}""");

        var (code, output, error) = await ImageCli.RunAsync(daemon, new FakeStreams(text: "n\n"), "image", "prune");

        Assert.Equal(0, code);
        Assert.Equal("WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ", output);
        Assert.Equal("", error);
        Assert.DoesNotContain(daemon.RequestLines, l => l.Contains("prune", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prune_goes_ahead_on_yes()
    {
        await using var daemon = new FakeDaemon().OnJson("/images/prune", """{"ImagesDeleted":null,"SpaceReclaimed":0}""");

        var (code, output, _) = await ImageCli.RunAsync(daemon, new FakeStreams(text: "y\n"), "image", "prune");

        Assert.Equal(0, code);
        Assert.EndsWith("[y/N] Total reclaimed space: 0B\n", output, StringComparison.Ordinal);
    }
}
