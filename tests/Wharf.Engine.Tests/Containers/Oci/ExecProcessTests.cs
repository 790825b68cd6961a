using System.Text.Json.Nodes;
using Wharf.Api;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class ExecProcessTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Exec_inherits_env_user_cwd_and_security_from_the_container()
    {
        var config = SpecBundle.Config() with { Env = ["A=1", "B=2"], User = "bob", WorkingDir = "/srv" };
        var hostConfig = new HostConfig { CapAdd = ["NET_ADMIN"], SecurityOpt = ["no-new-privileges"], OomScoreAdj = 100 };
        var process = Exec(config, hostConfig, new ExecCreateRequest { Cmd = ["ls", "-l"], Env = ["B=3", "C=4"] });

        var caps = "[" + string.Join(',', DockerDefaults.Capabilities.Append("CAP_NET_ADMIN").Select(cap => $"\"{cap}\"")) + "]";
        var expected = $$"""
            {
              "terminal": false,
              "user": { "uid": 1000, "gid": 1000, "additionalGids": [1000, 27, 999] },
              "args": ["ls", "-l"],
              "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=0123456789ab", "A=1", "B=3", "C=4"],
              "cwd": "/srv",
              "capabilities": { "bounding": {{caps}} },
              "rlimits": [{ "type": "RLIMIT_NOFILE", "hard": 1048576, "soft": 1048576 }],
              "noNewPrivileges": true,
              "oomScoreAdj": 100
            }
            """;
        Assert.Equal(
            SpecJson.Normalize(expected),
            SpecJson.Compact(process));
    }

    [Fact]
    public void Exec_overrides_user_cwd_and_terminal()
    {
        var process = Exec(SpecBundle.Config() with { User = "bob" }, new HostConfig(), new ExecCreateRequest { Cmd = ["sh"], User = "root", WorkingDir = "/tmp", Tty = true, ConsoleSize = [24, 80] });

        Assert.Equal("""{"uid":0,"gid":0,"additionalGids":[0]}""", SpecJson.Compact(process["user"]));
        Assert.Equal("/tmp", process["cwd"]!.GetValue<string>());
        Assert.True(process["terminal"]!.GetValue<bool>());
        Assert.Equal("""{"height":24,"width":80}""", SpecJson.Compact(process["consoleSize"]));
        Assert.Equal("TERM=xterm", SpecJson.Strings(process["env"])[2]);
    }

    [Fact]
    public void Exec_in_a_root_container_gets_effective_capabilities()
    {
        var process = Exec(SpecBundle.Config(), new HostConfig(), new ExecCreateRequest { Cmd = ["sh"], User = "bob" });

        Assert.Equal(DockerDefaults.Capabilities, SpecJson.Strings(process["capabilities"]!["effective"]));
    }

    [Fact]
    public void Privileged_exec_gets_every_capability()
    {
        var process = Exec(SpecBundle.Config() with { User = "bob" }, new HostConfig(), new ExecCreateRequest { Cmd = ["sh"], Privileged = true });

        Assert.Equal(CapabilityNames.Known, SpecJson.Strings(process["capabilities"]!["bounding"]));
        Assert.Equal(CapabilityNames.Known, SpecJson.Strings(process["capabilities"]!["effective"]));
    }

    [Fact]
    public void Exec_of_an_unknown_user_fails_as_a_system_error()
    {
        var builder = new ContainerSpecBuilder(TestHosts.V1);

        var error = Assert.Throws<EngineException>(() => builder.BuildExecProcess(_bundle.Context(), new ExecCreateRequest { Cmd = ["sh"], User = "alice" }));

        Assert.Equal("unable to find user alice: no matching entries in passwd file", error.Message);
        Assert.Equal(ErrorKind.Internal, error.Kind);
    }

    private JsonNode Exec(ContainerConfig config, HostConfig hostConfig, ExecCreateRequest exec) =>
        JsonNode.Parse(new ContainerSpecBuilder(TestHosts.V1).BuildExecProcess(_bundle.Context(config, hostConfig), exec))!;
}
