using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>docker create/run -d/ps/stop/start/kill/pause/restart/rename/rm/wait against wharfd, with real runc and overlayfs.</summary>
public sealed class LifecycleTests(ITestOutputHelper output)
{
    [RootFact]
    public async Task A_detached_container_runs_shows_in_ps_stops_and_is_removed_without_leftovers()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);

        var id = await d.DockerOkAsync("run", "-d", "--name", "sleeper", "busybox", "sleep", "300");
        var ps = await d.DockerOkAsync("ps", "--format", "{{.ID}} {{.Image}} {{.Command}} {{.Status}} {{.Names}}");
        var inspect = await d.InspectAsync("sleeper");

        Assert.Matches($"^{id[..12]} busybox \"sleep 300\" Up .* sleeper$", ps);
        Assert.Equal("running", inspect.GetProperty("State").GetProperty("Status").GetString());
        var pid = inspect.GetProperty("State").GetProperty("Pid").GetInt32();
        Assert.True(Directory.Exists($"/proc/{pid}"));
        var merged = inspect.GetProperty("GraphDriver").GetProperty("Data").GetProperty("MergedDir").GetString()!;
        Assert.Contains(merged, Harness.Mounts.FindUnder(d.Daemon.Sandbox));

        await d.DockerOkAsync("stop", "-t", "1", "sleeper");
        var stopped = await d.InspectAsync("sleeper");
        Assert.Equal("exited", stopped.GetProperty("State").GetProperty("Status").GetString());
        Assert.Equal(137, stopped.GetProperty("State").GetProperty("ExitCode").GetInt32());
        Assert.Matches("^Exited \\(137\\) .* ago$", await d.DockerOkAsync("ps", "-a", "--format", "{{.Status}}"));
        Assert.DoesNotContain(merged, Harness.Mounts.FindUnder(d.Daemon.Sandbox));

        await d.DockerOkAsync("rm", "sleeper");
        Assert.Equal("", await d.DockerOkAsync("ps", "-aq"));
        await d.AssertNothingLeftAsync();
    }

    [RootFact]
    public async Task Exit_codes_reach_wait_inspect_and_the_cli()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);

        var three = await d.DockerOkAsync("run", "-d", "busybox", "sh", "-c", "exit 3");
        Assert.Equal("3", await d.DockerOkAsync("wait", three));
        Assert.Equal(3, (await d.InspectAsync(three)).GetProperty("State").GetProperty("ExitCode").GetInt32());

        var notFound = await d.Docker.RunAsync("run", "-d", "--name", "nocmd", "busybox", "nosuchcommand");
        Assert.Equal(127, notFound.ExitCode);
        Assert.Contains("executable file not found", notFound.Stderr, StringComparison.Ordinal);
        var created = await d.InspectAsync("nocmd");
        Assert.Equal("created", created.GetProperty("State").GetProperty("Status").GetString());
        Assert.Equal(127, created.GetProperty("State").GetProperty("ExitCode").GetInt32());
        d.Track(created.GetProperty("Id").GetString()!);

        var notExecutable = await d.Docker.RunAsync("run", "-d", "--name", "noexec", "busybox", "/etc/passwd");
        Assert.Equal(126, notExecutable.ExitCode);
        d.Track((await d.InspectAsync("noexec")).GetProperty("Id").GetString()!);

        await d.DockerOkAsync("rm", three, "nocmd", "noexec");
        await d.AssertNothingLeftAsync();
    }

    [RootFact]
    public async Task Kill_pause_unpause_restart_and_rename_behave_like_docker()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);
        var id = await d.DockerOkAsync("run", "-d", "--name", "web", "busybox", "sleep", "300");

        await d.DockerOkAsync("pause", "web");
        Assert.Matches("^Up .* \\(Paused\\)$", await d.DockerOkAsync("ps", "--format", "{{.Status}}"));
        var alreadyPaused = await d.Docker.RunAsync("pause", "web");
        Assert.Contains($"Container {id} is already paused", alreadyPaused.Stderr, StringComparison.Ordinal);
        await d.DockerOkAsync("unpause", "web");

        await d.DockerOkAsync("restart", "-t", "0", "web");
        Assert.True((await d.InspectAsync("web")).GetProperty("State").GetProperty("Running").GetBoolean());

        await d.DockerOkAsync("rename", "web", "api");
        Assert.Equal("/api", (await d.InspectAsync(id)).GetProperty("Name").GetString());

        await d.DockerOkAsync("kill", "api");
        Assert.Equal(137, (await d.InspectAsync("api")).GetProperty("State").GetProperty("ExitCode").GetInt32());
        var notRunning = await d.Docker.RunAsync("kill", "api");
        Assert.Equal(1, notRunning.ExitCode);
        Assert.Contains($"Cannot kill container: api: Container {id} is not running", notRunning.Stderr, StringComparison.Ordinal);

        await d.DockerOkAsync("start", "api");
        await d.DockerOkAsync("start", "api");
        var running = await d.Docker.RunAsync("rm", "api");
        Assert.Equal(1, running.ExitCode);
        Assert.Contains($"You cannot remove a running container {id}. Stop the container before attempting removal or force remove", running.Stderr, StringComparison.Ordinal);
        await d.DockerOkAsync("rm", "-f", "api");
        await d.AssertNothingLeftAsync();
    }

    [RootFact]
    public async Task An_image_in_use_by_a_container_cannot_be_removed()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);
        var id = await d.DockerOkAsync("create", "busybox", "true");
        var imageId = (await d.InspectAsync(id)).GetProperty("Image").GetString()!;

        var untag = await d.Docker.RunAsync("rmi", "busybox");
        var delete = await d.Docker.RunAsync("rmi", imageId);

        Assert.Contains($"conflict: unable to remove repository reference \"busybox\" (must force) - container {id[..12]} is using its referenced image {imageId[7..19]}", untag.Stderr, StringComparison.Ordinal);
        Assert.Contains($"conflict: unable to delete {imageId[7..19]} (must be forced) - image is being used by stopped container {id[..12]}", delete.Stderr, StringComparison.Ordinal);
        await d.DockerOkAsync("rm", id);
        await d.DockerOkAsync("rmi", "busybox");
        await d.AssertNothingLeftAsync();
    }

    [RootFact]
    public async Task Changes_and_export_read_the_containers_filesystem()
    {
        await using var d = await LifecycleDaemon.StartAsync(output);
        var id = await d.DockerOkAsync("run", "-d", "busybox", "sh", "-c", "mkdir /tmp/new && echo hi > /tmp/new/file && rm /bin/ls");
        await d.DockerOkAsync("wait", id);

        var diff = await d.DockerOkAsync("diff", id);
        var export = Path.Combine(d.Daemon.Sandbox, "export.tar");
        await d.DockerOkAsync("export", "-o", export, id);

        Assert.Equal(["C /bin", "D /bin/ls", "C /tmp", "A /tmp/new", "A /tmp/new/file"], diff.Split('\n'));
        var listing = await ProcessRunner.RunAsync("tar", ["-tf", export], TimeSpan.FromSeconds(30));
        Assert.Contains("tmp/new/file", listing.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("bin/ls\n", listing.Stdout, StringComparison.Ordinal);
        await d.DockerOkAsync("rm", id);
        await d.AssertNothingLeftAsync();
    }
}
