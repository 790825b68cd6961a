using System.Globalization;
using System.Text.Json;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>The docker and in-namespace commands the networking tests are made of.</summary>
public static class NetworkFixtureCommands
{
    /// <summary>Names unique across tests sharing a daemon (and short enough for bridge and veth names derived from them).</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<string> DockerOkAsync(this WharfDaemon daemon, params string[] args) =>
        (await daemon.Docker.RunOkAsync(args)).Stdout.Trim();

    /// <summary>A busybox httpd on port 80 serving <c>hello-from-NAME</c> at /.</summary>
    public static Task<string> StartWebServerAsync(this WharfDaemon daemon, string name, params string[] runOptions) =>
        daemon.DockerOkAsync(
        [
            "run", "-d", "--name", name, .. runOptions, "busybox",
            "sh", "-c", $"mkdir -p /www && echo hello-from-{name} > /www/index.html && exec httpd -f -p 80 -h /www",
        ]);

    /// <summary>A busybox that sleeps, to docker exec probes in.</summary>
    public static Task<string> StartSleeperAsync(this WharfDaemon daemon, string name, params string[] runOptions) =>
        daemon.DockerOkAsync(["run", "-d", "--name", name, .. runOptions, "busybox", "sleep", "600"]);

    public static Task<ProcessResult> ExecAsync(this WharfDaemon daemon, string container, params string[] command) =>
        daemon.Docker.RunAsync(["exec", container, .. command]);

    /// <summary>
    /// wget from inside a container (bounded by `timeout`: Debian 12's static busybox wget crashes on -T), retried for a few seconds while the server may still be starting; the result of
    /// the last attempt. Not for names expected to fail (use <see cref="WgetOnceAsync"/>).
    /// </summary>
    public static Task<ProcessResult> WgetAsync(this WharfDaemon daemon, string container, string url) =>
        daemon.ExecAsync(container, "sh", "-c", RetryScript($"timeout 3 wget -qO- {url}"));

    public static Task<ProcessResult> WgetOnceAsync(this WharfDaemon daemon, string container, string url, int timeoutSeconds = 3) =>
        daemon.ExecAsync(container, "timeout", timeoutSeconds.ToString(CultureInfo.InvariantCulture), "wget", "-qO-", url);

    /// <summary>wget from the daemon's own network namespace ("the host" as wharfd sees it), with the same retries.</summary>
    public static Task<ProcessResult> WgetFromHostAsync(this WharfDaemon daemon, string url) =>
        daemon.ExecInNetworkNamespaceAsync("busybox", "sh", "-c", RetryScript($"busybox timeout 3 busybox wget -qO- {url}"));

    public static async Task<JsonElement> InspectJsonAsync(this WharfDaemon daemon, string kind, string name)
    {
        var json = await daemon.DockerOkAsync(kind, "inspect", name);
        using var document = JsonDocument.Parse(json);
        return document.RootElement[0].Clone();
    }

    /// <summary>The container's address on one network, from inspect.</summary>
    public static async Task<string> AddressOnAsync(this WharfDaemon daemon, string container, string network) =>
        await daemon.DockerOkAsync("container", "inspect", "--format", $"{{{{(index .NetworkSettings.Networks \"{network}\").IPAddress}}}}", container);

    public static async Task<string> GatewayOfAsync(this WharfDaemon daemon, string network) =>
        await daemon.DockerOkAsync("network", "inspect", "--format", "{{(index .IPAM.Config 0).Gateway}}", network);

    public static async Task<string> SubnetOfAsync(this WharfDaemon daemon, string network) =>
        await daemon.DockerOkAsync("network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", network);

    /// <summary>Removes containers and networks a test made, whatever state the test left them in.</summary>
    public static async Task CleanUpAsync(this WharfDaemon daemon, IEnumerable<string> containers, IEnumerable<string> networks)
    {
        foreach (var container in containers)
        {
            await daemon.Docker.RunAsync("rm", "-f", container);
        }

        foreach (var network in networks)
        {
            await daemon.Docker.RunAsync("network", "rm", network);
        }
    }

    /// <summary>True when <paramref name="address"/> lies in the CIDR <paramref name="subnet"/>.</summary>
    public static bool InSubnet(string address, string subnet) =>
        System.Net.IPNetwork.Parse(subnet).Contains(System.Net.IPAddress.Parse(address));

    /// <summary>Polls until <paramref name="done"/> holds; the deadline only stops a hang.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private static string RetryScript(string command) =>
        $"i=0; while [ $i -lt 25 ]; do {command} && exit 0; i=$((i+1)); sleep 0.2; done; exit 1";
}
