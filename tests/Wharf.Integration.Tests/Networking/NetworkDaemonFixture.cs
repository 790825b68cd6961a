using System.Net;
using Wharf.Integration.Tests.Containers;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>
/// One wharfd (in its own network namespace) with busybox for the networking tests that don't disturb each other.
/// Its only DNS server is a <see cref="FakeDnsServer"/> on 127.0.0.1:53 inside that namespace, so forwarded names
/// never reach the host's resolver; it knows <see cref="UpstreamName"/>.
/// </summary>
public sealed class NetworkDaemonFixture : IAsyncLifetime
{
    public const string UpstreamName = "upstream.wharf-test";

    private WharfDaemon? _daemon;
    private FakeDnsServer? _upstream;

    public static IPAddress UpstreamAddress { get; } = IPAddress.Parse("192.0.2.53");

    public WharfDaemon Daemon => _daemon ?? throw new InvalidOperationException("The shared wharfd is not started.");

    public FakeDnsServer Upstream => _upstream ?? throw new InvalidOperationException("The shared wharfd is not started.");

    public async Task InitializeAsync()
    {
        if (!RootRequirement.IsRoot)
        {
            return;
        }

        (_daemon, _upstream) = await StartWithFakeUpstreamAsync(new WharfDaemonOptions { Name = "NetworkDaemon" });
    }

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }

        _upstream?.Dispose();
    }

    /// <summary>
    /// A daemon configured with <c>"dns": ["127.0.0.1"]</c> and a fake upstream listening there in its namespace (a
    /// loopback resolver is reached from the daemon's namespace, as Docker does), with busybox loaded.
    /// </summary>
    public static async Task<(WharfDaemon Daemon, FakeDnsServer Upstream)> StartWithFakeUpstreamAsync(WharfDaemonOptions options, ITestOutputHelper? output = null)
    {
        var daemon = await WharfDaemon.StartAsync(output, options with { DaemonJson = """{"dns": ["127.0.0.1"]}""" });
        try
        {
            var upstream = FakeDnsServer.StartIn(daemon.NetworkNamespace!.Path, IPAddress.Loopback);
            upstream.Add(UpstreamName, UpstreamAddress);
            await BusyboxDaemonFixture.LoadBusyboxAsync(daemon);
            return (daemon, upstream);
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }
}
