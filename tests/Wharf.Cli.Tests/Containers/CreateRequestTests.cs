using System.Text.Json;
using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Tests.Containers;

/// <summary>Flags → create request, held to what docker 28 sends for the same command line.</summary>
public sealed class CreateRequestTests : IDisposable
{
    /// <summary>Fields the shared records always write, empty, where Go's omitempty leaves them out; the daemon reads both alike.</summary>
    private static readonly HashSet<string> EmptyExtras = ["/HostConfig/Runtime", "/HostConfig/Mounts/*/Source"];

    private readonly string _directory = Directory.CreateTempSubdirectory("wharf-create-").FullName;

    public CreateRequestTests()
    {
        File.WriteAllText(Path.Combine(_directory, "env.list"), "A=1\n# c\nB\nC=x y\n");
        File.WriteAllText(Path.Combine(_directory, "labels.list"), "l1=v1\nl2\n");
        File.WriteAllText(Path.Combine(_directory, "sec.json"), "{\"defaultAction\":\"SCMP_ACT_ALLOW\",  \"syscalls\": []}\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_plain_run_sends_dockers_request()
    {
        AssertSameAsDocker(DockerCreateBodies.Plain, "busybox", "echo", "hi");
    }

    [Fact]
    public void Every_create_flag_lands_where_docker_puts_it()
    {
        var d = _directory;
        AssertSameAsDocker(
            DockerCreateBodies.Big,
            "--name", "web", "-e", "X=1", "-e", "Y", "--env-file", $"{d}/env.list", "-l", "a=b", "--label-file", $"{d}/labels.list",
            "-p", "8080:80", "-p", "127.0.0.1:9000-9001:9000-9001/udp", "-p", "53", "--expose", "7000-7001", "--expose", "6000/udp",
            "-v", "/tmp:/data:ro", "-v", "/anon", "-v", "named:/n", "--tmpfs", "/run:size=1m", "--tmpfs", "/tmp2", "--volumes-from", "other:ro",
            "-m", "64m", "--memory-swap", "128m", "--memory-reservation", "32m", "--kernel-memory", "10m", "--cpus", "1.5", "--cpu-shares", "512",
            "--cpu-period", "100000", "--cpu-quota", "50000", "--cpuset-cpus", "0-1", "--cpuset-mems", "0", "--pids-limit", "100",
            "--ulimit", "nofile=1024:2048", "--ulimit", "nproc=10", "--sysctl", "net.ipv4.ip_forward=1", "--device", "/dev/null:/dev/xnull:rw",
            "--device-cgroup-rule", "c 1:3 rwm", "--cap-add", "NET_ADMIN", "--cap-drop", "MKNOD", "--security-opt", $"seccomp={d}/sec.json",
            "--security-opt", "no-new-privileges", "--restart", "on-failure:3", "--health-cmd", "true", "--health-interval", "5s",
            "--health-retries", "2", "--health-timeout", "1s", "--health-start-period", "2s", "--init", "--log-driver", "json-file",
            "--log-opt", "max-size=1m", "--network", "host", "--dns", "8.8.8.8", "--dns-search", "example.com", "--dns-option", "ndots:2",
            "--add-host", "h:1.2.3.4", "-h", "myhost", "--domainname", "dom", "-w", "/work", "-u", "1000:1000", "--entrypoint", "/bin/sh",
            "--stop-signal", "SIGINT", "--stop-timeout", "5", "--read-only", "--shm-size", "128m", "--ipc", "private", "--pid", "host",
            "--uts", "host", "--cgroupns", "private", "--cgroup-parent", "par", "--group-add", "audio", "--oom-kill-disable",
            "--oom-score-adj", "100", "--privileged", "--runtime", "runc", "--blkio-weight", "300", "--blkio-weight-device", "/dev/sda:200",
            "--device-read-bps", "/dev/sda:1mb", "--device-write-iops", "/dev/sda:100", "--memory-swappiness", "10",
            "--mount", "type=bind,src=/tmp,dst=/m,readonly", "--mount", "type=volume,source=v,target=/v,volume-opt=a=b",
            "--mount", "type=tmpfs,dst=/t,tmpfs-size=1m", "--annotation", "x=y", "--storage-opt", "size=1G", "--link", "other:alias",
            "-a", "stdout", "-i", "-t", "busybox", "sh", "-c", "echo hi");
    }

    [Fact]
    public void Per_container_network_flags_go_to_the_first_networks_endpoint()
    {
        AssertSameAsDocker(DockerCreateBodies.Network, "-P", "--network", "mynet", "--ip", "10.0.0.5", "--network-alias", "web", "--link", "a:b", "--mac-address", "02:42:AC:11:00:02", "--dns-search", "example.com", "busybox");
    }

    [Fact]
    public void Gpus_healthcheck_off_system_paths_all_caps_empty_entrypoint_and_long_network_syntax()
    {
        AssertSameAsDocker(DockerCreateBodies.Gpus, "--gpus", "all", "--no-healthcheck", "--security-opt", "systempaths=unconfined", "--cap-add", "all", "--entrypoint=", "--network", "name=n,alias=x,ip=1.2.3.4", "-v", "./rel:/x", "busybox");
    }

    [Theory]
    [InlineData(new[] { "-v", "a::b", "-v", "/x", "-v", "./a" }, "{\"Binds\":[\"a::b\"],\"Volumes\":[\"./a\",\"/x\"]}")]
    [InlineData(new[] { "-v", "..:/x", "-v", "vol:/b", "-v", "/a:/b:ro" }, "{\"Binds\":[\"/tmp:/x\",\"vol:/b\",\"/a:/b:ro\"],\"Volumes\":[]}")]
    public void Volumes_split_into_binds_and_anonymous_volumes_like_compose_parses_them(string[] flags, string expected)
    {
        var request = Parse([.. flags, "busybox"]);

        var actual = JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["Binds"] = [.. request.HostConfig!.Binds ?? []],
            ["Volumes"] = [.. (request.Volumes ?? []).Keys.Order(StringComparer.Ordinal)],
        }, WharfJsonContext.Default.DictionaryStringStringArray);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("-p 80-82:90-91", "invalid ranges specified for container and host Ports: 90-91 and 80-82")]
    [InlineData("-p x=", "no port specified: :/tcp<empty>")]
    [InlineData("-p 80/xyz", "invalid proto: xyz")]
    [InlineData("-p a:80", "invalid hostPort: a")]
    [InlineData("--expose 80-70", "invalid range format for --expose: 80-70, error: invalid range specified for port: 80-70")]
    [InlineData("--expose abc", "invalid range format for --expose: abc, error: strconv.ParseUint: parsing \"abc\": invalid syntax")]
    [InlineData("--device /dev/sda:/dev/xvda:rwmx", "bad mode specified: rwmx")]
    [InlineData("--device relative", "relative is not an absolute path")]
    [InlineData("--restart always --rm", "conflicting options: cannot specify both --restart and --rm")]
    [InlineData("--restart on-failure:x", "invalid restart policy format: maximum retry count must be an integer")]
    [InlineData("--health-cmd x --no-healthcheck", "--no-healthcheck conflicts with --health-* options")]
    [InlineData("--health-interval -1s", "--health-interval cannot be negative")]
    [InlineData("--memory-swappiness 200", "invalid value: 200. Valid memory swappiness range is 0-100")]
    [InlineData("--pid bad", "--pid: invalid PID mode")]
    [InlineData("--cgroupns bad", "--cgroupns: invalid CGROUP mode")]
    [InlineData("--network-alias a", "network-scoped aliases are only supported for user-defined networks")]
    [InlineData("--mac-address zz", "zz is not a valid mac address")]
    [InlineData("--log-driver none --log-opt a=b", "invalid logging opts for driver none")]
    [InlineData("--storage-opt bad", "invalid storage option")]
    [InlineData("--security-opt bad", "Invalid --security-opt: \"bad\"")]
    [InlineData("--security-opt seccomp=/nonexistent.json", "opening seccomp profile (/nonexistent.json) failed: open /nonexistent.json: no such file or directory")]
    [InlineData("-v :/x", "invalid spec: :/x: empty section between colons")]
    [InlineData("--env-file /nonexistent.env", "open /nonexistent.env: no such file or directory")]
    public void Bad_combinations_fail_with_dockers_message(string flags, string message)
    {
        var error = Assert.Throws<FormatException>(() => Parse([.. flags.Split(' '), "busybox"]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Env_and_label_files_come_first_and_bare_names_take_the_cli_environment()
    {
        File.WriteAllText(Path.Combine(_directory, "env2.list"), "\uFEFFA=1\nB\nNOPE\n  C=x y \nD=\n# c\n");
        File.WriteAllText(Path.Combine(_directory, "labels2.list"), "l1=v1\nl2\n#c\n\nl4=\n l5=x\n");

        var request = Parse(["-l", "a", "-l", "b=", "--label-file", Path.Combine(_directory, "labels2.list"), "-e", "B", "-e", "R=", "-e", "NOPE", "--env-file", Path.Combine(_directory, "env2.list"), "busybox"]);

        Assert.Equal(["A=1", "B=fromenv", "C=x y ", "D=", "B=fromenv", "R=", "NOPE"], request.Env);
        Assert.Equal(new Dictionary<string, string> { ["l1"] = "v1", ["l4"] = "", ["l5"] = "x", ["a"] = "", ["b"] = "" }, request.Labels);
    }

    [Fact]
    public void A_variable_name_with_whitespace_in_an_env_file_is_refused()
    {
        File.WriteAllText(Path.Combine(_directory, "bad.list"), "A B=1\n");

        var error = Assert.Throws<FormatException>(() => Parse(["--env-file", Path.Combine(_directory, "bad.list"), "busybox"]));

        Assert.Equal($"invalid env file ({_directory}/bad.list): variable 'A B' contains whitespaces", error.Message);
    }

    [Fact]
    public void The_terminal_size_goes_in_as_the_console_size()
    {
        var flags = FlagParser.Parse(ContainerFlags.ForRun(), ["-t", "busybox"], interspersed: false);

        var spec = new ContainerSpecParser(Lookup, _directory) { ConsoleSize = (24, 80) }.Parse(flags, flags.Arguments);

        Assert.Equal([24, 80], spec.Request.HostConfig!.ConsoleSize);
    }

    [Fact]
    public void Flags_after_the_image_belong_to_the_command()
    {
        var request = Parse(["busybox", "ls", "-l", "--name", "x"]);

        Assert.Equal(["ls", "-l", "--name", "x"], request.Cmd);
    }

    private static string? Lookup(string name) => name == "B" ? "fromenv" : null;

    private ContainerCreateRequest Parse(string[] args)
    {
        var flags = FlagParser.Parse(ContainerFlags.ForCreate(), args, interspersed: false);
        return new ContainerSpecParser(Lookup, "/tmp/cli-ref").Parse(flags, flags.Arguments).Request;
    }

    private void AssertSameAsDocker(string dockerBody, params string[] args)
    {
        var request = Parse(args);
        var json = JsonSerializer.Serialize(request, WharfJsonContext.Default.ContainerCreateRequest);

        Assert.Equal("", string.Join('\n', JsonDifferences.Find(dockerBody, json, EmptyExtras)));
    }
}
