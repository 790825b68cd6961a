using System.Diagnostics;
using Wharf.Api;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Tests.Layers;

namespace Wharf.Engine.Tests.Containers.Oci;

/// <summary>The spec on this host's real runc, cgroups and kernel: what the container sees is what Docker's would.</summary>
public sealed class RuncRunTests : IDisposable
{
    private const string Runc = "/usr/sbin/runc";
    private static readonly string[] Applets = ["sh", "cat", "echo", "hostname", "id", "ip", "ls", "touch", "wc"];

    private readonly SpecBundle _bundle = new();
    private readonly string _containerId = "wharf-oci-test-" + Guid.NewGuid().ToString("N")[..12];

    public RuncRunTests()
    {
        var bin = Path.Combine(_bundle.Rootfs, "bin");
        Directory.CreateDirectory(bin);
        File.Copy("/bin/busybox", Path.Combine(bin, "busybox"));
        foreach (var applet in Applets)
        {
            File.CreateSymbolicLink(Path.Combine(bin, applet), "busybox");
        }
    }

    private string StateRoot => Path.Combine(_bundle.Root, "runc");

    private string BundleDir => _bundle.Root;

    public void Dispose()
    {
        // `runc run` removes a container that exited; this is for one that did not (a failed or stuck test).
        Run(Runc, "--root", StateRoot, "delete", "--force", _containerId);
        foreach (var hierarchy in Directory.Exists("/sys/fs/cgroup") ? Directory.GetDirectories("/sys/fs/cgroup").Append("/sys/fs/cgroup") : [])
        {
            var leftover = Path.Combine(hierarchy, _containerId);
            if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover);
            }
        }

        _bundle.Dispose();
    }

    [Fact]
    public void Default_container_is_confined_like_dockers()
    {
        RequiresRoot.Check();
        const string Script = """
            echo "uid=$(id -u)"
            echo "timer_list=$(wc -c < /proc/timer_list)"
            echo "firmware=$(ls /sys/firmware | wc -l)"
            echo "ip=$(ip link set lo down 2>&1 && echo allowed)"
            if touch /probe 2>/dev/null; then echo write=allowed; else echo write=denied; fi
            if touch /dev/shm/probe 2>/dev/null; then echo shm=allowed; else echo shm=denied; fi
            echo "hostname=$(hostname)"
            """;

        var output = RunContainer(SpecBundle.Config("sh", "-c", Script), new HostConfig { ReadonlyRootfs = true });

        // Masked paths read empty (a file is /dev/null, a directory an empty tmpfs); /proc/kcore, Docker's usual
        // example, is not built into every kernel, so the test uses masked paths that this one has.
        Assert.Equal(
            ["uid=0", "timer_list=0", "firmware=0", "ip=ip: SIOCSIFFLAGS: Operation not permitted", "write=denied", "shm=allowed", "hostname=0123456789ab"],
            output);
    }

    [Fact]
    public void User_and_groups_come_from_the_images_passwd()
    {
        RequiresRoot.Check();

        var output = RunContainer(SpecBundle.Config("sh", "-c", "id -u; id -g; id -G") with { User = "bob" }, new HostConfig { GroupAdd = ["staff"] });

        Assert.Equal(["1000", "1000"], output[..2]);
        // The kernel keeps supplementary groups sorted, whatever order they were set in.
        Assert.Equal(["1000", "27", "50", "999"], output[2].Split(' '));
    }

    [Fact]
    public void Added_capability_lets_the_container_change_its_network()
    {
        RequiresRoot.Check();

        var output = RunContainer(SpecBundle.Config("sh", "-c", "ip link set lo down && echo ip=allowed"), new HostConfig { CapAdd = ["NET_ADMIN"] });

        Assert.Equal(["ip=allowed"], output);
    }

    private List<string> RunContainer(ContainerConfig config, HostConfig hostConfig)
    {
        var context = _bundle.Context(config, hostConfig) with { CgroupsPath = "/" + _containerId };
        File.WriteAllBytes(Path.Combine(BundleDir, "config.json"), new ContainerSpecBuilder().BuildSpec(context));
        Directory.CreateDirectory(StateRoot);

        var (exitCode, stdout, stderr) = Run(Runc, "--root", StateRoot, "run", "--bundle", BundleDir, _containerId);

        Assert.True(exitCode == 0, $"runc run exited {exitCode}: {stderr}\n{stdout}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung runc, not a timing check: the test fails instead of hanging the run.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
