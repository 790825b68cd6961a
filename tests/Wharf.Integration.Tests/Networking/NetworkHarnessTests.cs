using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>The networking tests' own machinery, checked without any wharf networking: namespace, fake upstream, outside.</summary>
public sealed class NetworkHarnessTests(ITestOutputHelper output)
{
    [RootFact]
    public async Task The_daemon_namespace_the_fake_upstream_and_the_outside_namespace_work_and_are_cleaned_up()
    {
        string daemonNamespace;
        string outsidePath;
        var (daemon, upstream) = await NetworkDaemonFixture.StartWithFakeUpstreamAsync(new WharfDaemonOptions(), output);
        await using (daemon)
        using (upstream)
        {
            daemonNamespace = daemon.NetworkNamespace!.Name;
            Assert.Contains(daemonNamespace, TestNetworkNamespace.ListAll());
            Assert.NotEqual(File.ReadAllText("/proc/self/net/dev"), File.ReadAllText($"/proc/{daemon.Pid}/net/dev"));

            var looked = await daemon.ExecInNetworkNamespaceAsync("busybox", "nslookup", NetworkDaemonFixture.UpstreamName, "127.0.0.1");
            Assert.True(looked.ExitCode == 0, looked.Describe("nslookup against the fake upstream"));
            Assert.Contains(NetworkDaemonFixture.UpstreamAddress.ToString(), looked.Stdout, StringComparison.Ordinal);
            var unknown = await daemon.ExecInNetworkNamespaceAsync("busybox", "nslookup", "nowhere.wharf-test", "127.0.0.1");
            Assert.Contains("NXDOMAIN", unknown.Stdout + unknown.Stderr, StringComparison.Ordinal);

            await using var outside = await OutsideNamespace.CreateAsync(daemon);
            outsidePath = outside.NamespacePath;
            var reached = await daemon.ExecInNetworkNamespaceAsync("busybox", "sh", "-c", $"busybox nc -w 3 {outside.NcTarget} </dev/null");
            Assert.True(reached.ExitCode == 0, reached.Describe("nc to the outside from the daemon's namespace"));
            Assert.Equal(OutsideNamespace.Greeting, reached.Stdout.Trim());
            Assert.Equal([OutsideNamespace.DaemonSideAddress], outside.Peers);
        }

        Assert.DoesNotContain(daemonNamespace, TestNetworkNamespace.ListAll());
        Assert.False(File.Exists(outsidePath));
    }
}
