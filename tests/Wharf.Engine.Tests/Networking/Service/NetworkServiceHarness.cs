using Wharf.Engine.Networking.Service;
using Wharf.Engine.State;
using Wharf.Engine.Tests.Containers;

namespace Wharf.Engine.Tests.Networking.Service;

/// <summary>A network service over a temp database with fake dataplane, firewall and containers; reopen to test persistence.</summary>
public sealed class NetworkServiceHarness : IDisposable
{
    private readonly TempDirectory _directory = new();
    private StateStore _store;

    public NetworkServiceHarness(NetworkServiceOptions? options = null, Action<FakeDataplane>? routes = null)
    {
        Options = options ?? new NetworkServiceOptions();
        routes?.Invoke(Dataplane);
        _store = StateStore.Open(_directory.File("wharf.db"));
        Service = Open();
    }

    public NetworkServiceOptions Options { get; set; }

    public FakeDataplane Dataplane { get; } = new();

    public FakeFirewall Firewall { get; } = new();

    public FakeContainerLookup Containers { get; } = new();

    public EventRecorder Events { get; } = new();

    public NetworkService Service { get; private set; }

    /// <summary>A new service over the same database, as after a wharfd restart.</summary>
    public NetworkService Reopen()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _store = StateStore.Open(_directory.File("wharf.db"));
        Service = Open();
        return Service;
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private NetworkService Open()
    {
        var service = new NetworkService(_store, Options, Dataplane, Firewall, Containers, Events, TimeProvider.System);
        service.Initialize();
        return service;
    }
}
