using Docker.DotNet;
using Docker.DotNet.Models;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>Docker.DotNet, a third-party client, driving the container endpoints (create, start, attach, wait, logs, exec, inspect, remove).</summary>
[Collection(BusyboxDaemonCollection.Name)]
public sealed class DockerDotNetContainerTests(BusyboxDaemonFixture fixture, ITestOutputHelper output)
{
    private WharfDaemon Daemon => fixture.Daemon;

    [RootFact]
    public async Task Create_start_wait_logs_inspect_and_remove()
    {
        using var log = Daemon.CaptureLog(output);
        using var client = Daemon.CreateDockerClient();
        var name = "dotnet-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = "busybox",
            Cmd = ["sh", "-c", "echo out; echo err >&2; exit 7"],
            Env = ["GREETING=hi"],
            Labels = new Dictionary<string, string> { ["suite"] = "dotnet" },
        });
        Assert.Matches("^[0-9a-f]{64}$", created.ID);

        Assert.True(await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters()));
        var exit = await client.Containers.WaitContainerAsync(created.ID);
        Assert.Equal(7, exit.StatusCode);

        using (var logs = await client.Containers.GetContainerLogsAsync(created.ID, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }))
        {
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(CancellationToken.None);
            Assert.Equal("out\n", stdout);
            Assert.Equal("err\n", stderr);
        }

        var inspect = await client.Containers.InspectContainerAsync(name);
        Assert.Equal("/" + name, inspect.Name);
        Assert.Equal("exited", inspect.State.Status);
        Assert.Equal(7, inspect.State.ExitCode);
        Assert.False(inspect.State.Running);
        Assert.Contains("GREETING=hi", inspect.Config.Env);
        Assert.Equal("dotnet", inspect.Config.Labels["suite"]);
        Assert.Equal("overlay2", inspect.GraphDriver.Name);

        var listed = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["suite=dotnet"] = true } },
        });
        Assert.Equal(created.ID, Assert.Single(listed).ID);

        await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters());
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => client.Containers.InspectContainerAsync(created.ID));
    }

    [RootFact]
    public async Task Exec_in_a_running_container_reports_its_output_and_exit_code()
    {
        using var log = Daemon.CaptureLog(output);
        using var client = Daemon.CreateDockerClient();
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = "busybox",
            Cmd = ["sleep", "300"],
            Env = ["FROM_CONTAINER=yes"],
            WorkingDir = "/tmp",
        });
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());

            var exec = await client.Exec.ExecCreateContainerAsync(created.ID, new ContainerExecCreateParameters
            {
                Cmd = ["sh", "-c", "echo $FROM_CONTAINER $(pwd); exit 4"],
                AttachStdout = true,
                AttachStderr = true,
            });
            using (var stream = await client.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false, CancellationToken.None))
            {
                var (stdout, _) = await stream.ReadOutputToEndAsync(CancellationToken.None);
                Assert.Equal("yes /tmp\n", stdout);
            }

            var inspect = await client.Exec.InspectContainerExecAsync(exec.ID);
            Assert.False(inspect.Running);
            Assert.Equal(4, inspect.ExitCode);
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    [RootFact]
    public async Task Operations_on_a_missing_container_are_not_found()
    {
        using var log = Daemon.CaptureLog(output);
        using var client = Daemon.CreateDockerClient();

        var error = await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => client.Containers.StartContainerAsync("no-such-box", new ContainerStartParameters()));

        Assert.Contains("No such container: no-such-box", error.Message, StringComparison.Ordinal);
    }
}
