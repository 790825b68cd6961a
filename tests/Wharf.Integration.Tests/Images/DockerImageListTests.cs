using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Images;

/// <summary><c>docker images</c> filters (dangling, label, reference, before, since) and the positional repository.</summary>
public sealed class DockerImageListTests(ITestOutputHelper output) : IDisposable
{
    private const string Imported = "imported/img:1";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("wharf-it-list-");

    public void Dispose() => _work.Delete(recursive: true);

    [RootTheory]
    [InlineData("label=org.example.fixture", new[] { ImageFixtures.Tag })]
    [InlineData("label=org.example.fixture=layers", new[] { ImageFixtures.Tag })]
    [InlineData("label=org.example.fixture=other", new string[0])]
    [InlineData("reference=fixture/*", new[] { ImageFixtures.Tag })]
    [InlineData("reference=imported/img", new[] { Imported })]
    [InlineData("reference=*/*:1", new[] { ImageFixtures.Tag, Imported })]
    [InlineData("dangling=false", new[] { ImageFixtures.Tag, Imported })]
    [InlineData("dangling=true", new string[0])]
    [InlineData("before=imported/img:1", new[] { ImageFixtures.Tag })]
    [InlineData("since=fixture/layers:1", new[] { Imported })]
    public async Task Filters_select_like_dockerd(string filter, string[] expected)
    {
        await using var daemon = await StartWithTwoImagesAsync();

        var result = await daemon.Docker.RunOkAsync("images", "--filter", filter, "--format", "{{.Repository}}:{{.Tag}}");

        Assert.Equal(expected.Order(StringComparer.Ordinal), ImageCli.Lines(result.Stdout).Order(StringComparer.Ordinal));
    }

    [RootFact]
    public async Task Positional_repository_lists_only_that_repository()
    {
        await using var daemon = await StartWithTwoImagesAsync();

        var result = await daemon.Docker.RunOkAsync("images", "fixture/layers", "--format", "{{.Repository}}:{{.Tag}}");

        Assert.Equal($"{ImageFixtures.Tag}\n", result.Stdout);
    }

    [RootFact]
    public async Task Unknown_filter_is_refused()
    {
        await using var daemon = await WharfDaemon.StartAsync(output);

        var result = await daemon.Docker.RunAsync("images", "--filter", "bogus=1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error response from daemon: invalid filter 'bogus'\n", result.Stderr);
    }

    [RootFact]
    public async Task Table_has_dockers_columns()
    {
        await using var daemon = await StartWithTwoImagesAsync();

        var result = await daemon.Docker.RunOkAsync("images");

        var rows = ImageCli.Lines(result.Stdout);
        Assert.Matches(@"^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE$", rows[0]);
        // Newest first: the import was made just now.
        Assert.Matches(@"^imported/img\s+1\s+[0-9a-f]{12}\s+(Less than a second|1 second|\d+ seconds) ago\s+\S+$", rows[1]);
        Assert.Matches($@"^fixture/layers\s+1\s+{ImageFixtures.ShortId(ImageFixtures.DockerImageId)}\s+.+ ago\s+[0-9.]+[kM]B$", rows[2]);
    }

    private async Task<WharfDaemon> StartWithTwoImagesAsync()
    {
        var daemon = await WharfDaemon.StartAsync(output);
        try
        {
            await ImageCli.LoadFixtureAsync(daemon);
            var tar = Path.Combine(_work.FullName, "rootfs.tar");
            await File.WriteAllBytesAsync(tar, SmallTars.HelloRootfs());
            await daemon.Docker.RunOkAsync("import", tar, Imported);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }
}
