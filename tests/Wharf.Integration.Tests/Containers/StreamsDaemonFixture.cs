using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>One wharfd with busybox bootstrapped, shared by the tests of one class; each test names its own containers and removes them.</summary>
public sealed class StreamsDaemonFixture : IAsyncLifetime
{
    private WharfDaemon? _daemon;

    public WharfDaemon Daemon => _daemon ?? throw new InvalidOperationException("The wharfd of the stream tests is not started.");

    public async Task InitializeAsync()
    {
        if (!RootRequirement.IsRoot && !RootRequirement.IsCi)
        {
            // Every test here is a [RootFact] and skipped: no daemon to start.
            return;
        }

        _daemon = await WharfDaemon.StartAsync(options: new WharfDaemonOptions { Name = "StreamsDaemon" });
        await new WharfCli(_daemon) { Timeout = TimeSpan.FromMinutes(3) }.RunOkAsync("image", "bootstrap", "busybox");
    }

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }
    }

    /// <summary>A container name no other test uses.</summary>
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
