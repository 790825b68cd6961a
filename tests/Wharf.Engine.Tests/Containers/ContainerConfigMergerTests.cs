using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerConfigMergerTests
{
    private static readonly ImageConfig Image = new()
    {
        User = "app",
        Env = ["PATH=/usr/bin", "LANG=C"],
        Cmd = ["sh", "-c", "serve"],
        Entrypoint = ["/entry"],
        WorkingDir = "/srv",
        Labels = new Dictionary<string, string> { ["from"] = "image", ["shared"] = "image" },
        ExposedPorts = new Dictionary<string, EmptyObject> { ["80/tcp"] = new() },
        Volumes = new Dictionary<string, EmptyObject> { ["/data"] = new() },
        StopSignal = "SIGQUIT",
        Healthcheck = new HealthConfig { Test = ["CMD", "true"], Interval = 5, Retries = 3 },
    };

    [Fact]
    public void An_empty_request_takes_everything_from_the_image()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Image = "x" }, Image);

        Assert.Equal("app", merged.User);
        Assert.Equal(["PATH=/usr/bin", "LANG=C"], merged.Env);
        Assert.Equal(["sh", "-c", "serve"], merged.Cmd);
        Assert.Equal(["/entry"], merged.Entrypoint);
        Assert.Equal("/srv", merged.WorkingDir);
        Assert.Equal("SIGQUIT", merged.StopSignal);
        Assert.Equal(["80/tcp"], merged.ExposedPorts!.Keys);
        Assert.Equal(["/data"], merged.Volumes!.Keys);
        Assert.Equal(3, merged.Healthcheck!.Retries);
    }

    [Fact]
    public void Env_keeps_the_users_values_and_adds_the_images_other_keys()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Env = ["LANG=en_US", "X=1"] }, Image);

        Assert.Equal(["LANG=en_US", "X=1", "PATH=/usr/bin"], merged.Env);
    }

    [Fact]
    public void Labels_merge_with_the_users_winning()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Labels = new Dictionary<string, string> { ["shared"] = "user" } }, Image);

        Assert.Equal("user", merged.Labels!["shared"]);
        Assert.Equal("image", merged.Labels["from"]);
    }

    [Fact]
    public void A_cmd_keeps_the_images_entrypoint()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Cmd = ["ls"] }, Image);

        Assert.Equal(["/entry"], merged.Entrypoint);
        Assert.Equal(["ls"], merged.Cmd);
    }

    [Fact]
    public void An_entrypoint_resets_the_images_cmd()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Entrypoint = ["top"] }, Image);

        Assert.Equal(["top"], merged.Entrypoint);
        Assert.Null(merged.Cmd);
    }

    [Fact]
    public void An_empty_entrypoint_drops_the_images_entrypoint_but_keeps_its_cmd()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Entrypoint = [] }, Image);

        Assert.Empty(merged.Entrypoint!);
        Assert.Equal(["sh", "-c", "serve"], merged.Cmd);
    }

    [Fact]
    public void Healthcheck_fields_left_zero_come_from_the_image()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Healthcheck = new HealthConfig { Interval = 9 } }, Image);

        Assert.Equal(["CMD", "true"], merged.Healthcheck!.Test);
        Assert.Equal(9, merged.Healthcheck.Interval);
        Assert.Equal(3, merged.Healthcheck.Retries);
    }

    [Fact]
    public void Path_and_args_come_from_entrypoint_then_cmd()
    {
        Assert.Equal("/entry a b", Split(new ContainerConfig { Entrypoint = ["/entry", "a"], Cmd = ["b"] }));
        Assert.Equal("sh -c x", Split(new ContainerConfig { Cmd = ["sh", "-c", "x"] }));
    }

    [Fact]
    public void Nothing_to_run_is_dockerds_no_command_specified()
    {
        var error = Assert.Throws<EngineException>(() => ContainerConfigMerger.EntrypointAndArgs(new ContainerConfig()));

        Assert.Equal("No command specified", error.Message);
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Fact]
    public void The_stored_config_is_not_the_request_subtype()
    {
        var copy = ContainerConfigMerger.CopyOf(new ContainerCreateRequest { Image = "x", HostConfig = new HostConfig() });

        Assert.Equal(typeof(ContainerConfig), copy.GetType());
        Assert.Equal("x", copy.Image);
    }

    private static string Split(ContainerConfig config)
    {
        var (path, args) = ContainerConfigMerger.EntrypointAndArgs(config);
        return string.Join(' ', [path, .. args]);
    }
}
