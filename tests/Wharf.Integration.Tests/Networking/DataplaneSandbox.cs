using System.Globalization;
using System.Text.Json;
using Wharf.Engine.Networking.Bridge;
using Wharf.Integration.Tests.Harness;
using Wharf.Linux;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// Throwaway network namespaces for dataplane tests: one playing "the host" (the dataplane under test only ever
/// works there) and any number playing containers. They live under /run/netns so that <c>ip -n NAME</c> inspects
/// them; disposing deletes them, and with them every bridge, veth and address the test made.
/// </summary>
public sealed class DataplaneSandbox : IDisposable
{
    private static int counter;
    private readonly List<string> namespaces = [];
    private readonly string prefix;

    public DataplaneSandbox()
    {
        prefix = string.Create(CultureInfo.InvariantCulture, $"wharf-dpt-{Environment.ProcessId}-{Interlocked.Increment(ref counter)}");
        HostName = CreateNamespace("host");
        Dataplane = new NetlinkBridgeDataplane(PathOf(HostName));
    }

    public string HostName { get; }

    public string HostPath => PathOf(HostName);

    public NetlinkBridgeDataplane Dataplane { get; }

    public static string PathOf(string namespaceName) => $"/run/netns/{namespaceName}";

    /// <summary>A new namespace; returns its name (for <c>ip -n</c>); its path is <see cref="PathOf"/>.</summary>
    public string CreateNamespace(string role)
    {
        var name = $"{prefix}-{role}";
        NetworkNamespace.Create(PathOf(name));
        namespaces.Add(name);
        return name;
    }

    public static async Task<ProcessResult> IpAsync(string namespaceName, params string[] arguments) =>
        await ProcessRunner.RunAsync("ip", ["-n", namespaceName, .. arguments], TimeSpan.FromSeconds(20));

    public static async Task<JsonElement> IpJsonAsync(string namespaceName, params string[] arguments)
    {
        var result = await IpAsync(namespaceName, ["-j", .. arguments]);
        Assert.True(result.ExitCode == 0, result.Describe($"ip -n {namespaceName} -j {string.Join(' ', arguments)}"));
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(result.Stdout) ? "[]" : result.Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>One ICMP echo from inside a namespace (traffic stays between the test's own namespaces).</summary>
    public static async Task<ProcessResult> PingAsync(string fromNamespace, string address) =>
        await ProcessRunner.RunAsync("ip", ["netns", "exec", fromNamespace, "busybox", "ping", "-c1", "-W2", address], TimeSpan.FromSeconds(20));

    public static async Task<IReadOnlyList<string>> LinkNamesAsync(string namespaceName)
    {
        var links = await IpJsonAsync(namespaceName, "link", "show");
        return [.. links.EnumerateArray().Select(link => link.GetProperty("ifname").GetString()!)];
    }

    public void Dispose()
    {
        Dataplane.Dispose();
        foreach (var name in namespaces)
        {
            try
            {
                NetworkNamespace.Remove(PathOf(name));
            }
            catch (IOException)
            {
                // Best effort; the next namespaces still get removed.
            }
        }
    }
}
