namespace Wharf.Integration.Tests.Harness;

/// <summary>How a <see cref="WharfDaemon"/> is started; the defaults give a private daemon in a fresh sandbox.</summary>
public sealed record WharfDaemonOptions
{
    /// <summary>Written to the sandbox's daemon.json and passed with --config-file.</summary>
    public string DaemonJson { get; init; } = "{}";

    /// <summary>Appended after the sandbox flags (-H, --data-root, --exec-root, --pidfile, --config-file).</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>Use another daemon's data root instead of a fresh one; this daemon then leaves it alone on dispose.</summary>
    public string? DataRoot { get; init; }

    /// <summary>Names the log in artifacts/test-logs; defaults to the calling test's Class.Method.</summary>
    public string? Name { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long SIGTERM gets before StopAsync resorts to SIGKILL.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Run wharfd in the host's network namespace instead of a fresh one of its own: only for tests that need the host's
    /// interfaces (a tcp:// listener reached from the host, the host's routes). Such daemons may meet each other's bridge
    /// and nftables table, so they must not create networks.
    /// </summary>
    public bool HostNetwork { get; init; }

    /// <summary>Extra environment for wharfd; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
