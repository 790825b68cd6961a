using System.Diagnostics;
using System.Globalization;
using Wharf.Engine.Networking.Firewall;
using Wharf.Integration.Tests.Harness;
using Wharf.Linux;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// A throwaway world made with <c>ip</c>: a "host" namespace (its own loopback, forwarding, nftables) with bridges,
/// "container" namespaces on them and an "outside" namespace on a plain veth link, so firewall tests send traffic
/// only between namespaces they made. Deleting the namespaces takes every link and nft table with them.
/// </summary>
internal sealed class FirewallSandbox : IAsyncDisposable
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..6];
    private readonly List<string> namespaces = [];
    private readonly List<Process> servers = [];
    private readonly string webRoot;
    private NftablesFirewall? firewall;

    public FirewallSandbox()
    {
        webRoot = Directory.CreateTempSubdirectory("wharf-fw-").FullName;
        File.WriteAllText(Path.Combine(webRoot, "index.html"), "hello from the sandbox\n");
        Table = "wt" + tag;
    }

    public string Table { get; }

    public string Host => "wfh" + tag;

    public string Outside => "wfo" + tag;

    public static string NamespacePath(string name) => "/run/netns/" + name;

    public string Name(string what) => what + tag;

    public async Task CreateHostAndOutsideAsync()
    {
        await AddNamespaceAsync(Host);
        await AddNamespaceAsync(Outside);
        await IpAsync(Host, "link", "set", "lo", "up");
        await IpAsync(Outside, "link", "set", "lo", "up");
        await ExecAsync(Host, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        await IpAsync(Host, "link", "add", "wup" + tag, "type", "veth", "peer", "name", "wdn" + tag, "netns", Outside);
        await IpAsync(Host, "addr", "add", "10.252.9.1/24", "dev", "wup" + tag);
        await IpAsync(Host, "link", "set", "wup" + tag, "up");
        await IpAsync(Outside, "addr", "add", "10.252.9.2/24", "dev", "wdn" + tag);
        await IpAsync(Outside, "link", "set", "wdn" + tag, "up");
    }

    /// <summary>A bridge in the host namespace with <paramref name="gateway"/>/24 and route_localnet, as the dataplane makes them.</summary>
    public async Task AddBridgeAsync(string bridge, string gateway)
    {
        await IpAsync(Host, "link", "add", bridge, "type", "bridge");
        await IpAsync(Host, "addr", "add", gateway + "/24", "dev", bridge);
        await IpAsync(Host, "link", "set", bridge, "up");
        await ExecAsync(Host, "sysctl", "-qw", $"net.ipv4.conf.{bridge}.route_localnet=1");
    }

    /// <summary>A "container" namespace with eth0 on <paramref name="bridge"/>, <paramref name="address"/>/24, default route via the gateway.</summary>
    public async Task<string> AddContainerAsync(string name, string bridge, string address, string gateway)
    {
        var container = Name(name);
        await AddNamespaceAsync(container);
        await IpAsync(container, "link", "set", "lo", "up");
        var hostEnd = "wv" + name + tag;
        await IpAsync(Host, "link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", container);
        await IpAsync(Host, "link", "set", hostEnd, "master", bridge, "up");
        await IpAsync(container, "addr", "add", address + "/24", "dev", "eth0");
        await IpAsync(container, "link", "set", "eth0", "up");
        await IpAsync(container, "route", "add", "default", "via", gateway);
        return container;
    }

    /// <summary>busybox httpd on port 80 in a namespace, answering <c>hello from the sandbox</c>.</summary>
    public async Task ServeAsync(string netns)
    {
        var start = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "netns", "exec", netns, "busybox", "httpd", "-f", "-p", "80", "-h", webRoot })
        {
            start.ArgumentList.Add(argument);
        }

        servers.Add(Process.Start(start) ?? throw new InvalidOperationException("httpd did not start"));
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listening = await ExecAsync(netns, "busybox", "netstat", "-ltn");
            if (listening.Stdout.Contains(":80 ", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException("httpd is not listening");
    }

    /// <summary>Fetches <paramref name="url"/> from inside <paramref name="netns"/>; true when the sandbox page came back.</summary>
    public async Task<bool> FetchAsync(string netns, string url)
    {
        // curl, not busybox wget: this busybox's wget crashes when given a timeout.
        var result = await ExecAsync(netns, "curl", "-s", "-m", "2", url);
        return result.ExitCode == 0 && result.Stdout.Contains("hello from the sandbox", StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="action"/> with a firewall on this sandbox's table, inside the host namespace (libnftables' socket lives there).</summary>
    public T InHost<T>(Func<NftablesFirewall, T> action)
    {
        return NetworkNamespace.Run(NamespacePath(Host), () =>
        {
            firewall ??= new NftablesFirewall(Table);
            return action(firewall);
        });
    }

    public async Task<ProcessResult> NftAsync(params string[] arguments) => await ExecAsync(Host, ["nft", .. arguments]);

    public async Task<ProcessResult> ExecAsync(string netns, params string[] command) =>
        await ProcessRunner.RunAsync("ip", ["netns", "exec", netns, .. command], TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        firewall?.Dispose();
        foreach (var server in servers)
        {
            try
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            server.Dispose();
        }

        foreach (var netns in namespaces)
        {
            await ProcessRunner.RunAsync("ip", ["netns", "del", netns], TimeSpan.FromSeconds(20));
        }

        Directory.Delete(webRoot, recursive: true);
    }

    private async Task AddNamespaceAsync(string name)
    {
        await Check(await ProcessRunner.RunAsync("ip", ["netns", "add", name], TimeSpan.FromSeconds(20)), "ip netns add " + name);
        namespaces.Add(name);
    }

    private async Task IpAsync(string netns, params string[] arguments) =>
        await Check(await ProcessRunner.RunAsync("ip", ["-n", netns, .. arguments], TimeSpan.FromSeconds(20)), "ip -n " + netns + " " + string.Join(' ', arguments));

    private static Task Check(ProcessResult result, string command)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe(command));
        }

        return Task.CompletedTask;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
