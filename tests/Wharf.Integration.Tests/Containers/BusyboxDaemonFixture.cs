using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>One wharfd with <c>busybox:latest</c> (bootstrapped from the host's busybox-static) for container tests that don't disturb each other.</summary>
public sealed class BusyboxDaemonFixture : IAsyncLifetime
{
    private WharfDaemon? _daemon;

    public WharfDaemon Daemon => _daemon ?? throw new InvalidOperationException("The shared wharfd is not started.");

    public async Task InitializeAsync()
    {
        if (!RootRequirement.IsRoot)
        {
            return;
        }

        _daemon = await WharfDaemon.StartAsync();
        await LoadBusyboxAsync(_daemon);
    }

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }
    }

    /// <summary>Puts busybox:latest into a daemon (about 0.1 s).</summary>
    public static async Task LoadBusyboxAsync(WharfDaemon daemon) =>
        await new WharfCli(daemon) { Timeout = TimeSpan.FromMinutes(2) }.RunOkAsync("image", "bootstrap", "busybox");
}
