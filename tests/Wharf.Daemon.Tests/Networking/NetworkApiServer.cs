using Wharf.Daemon.Api;
using Wharf.Daemon.Composition;
using Wharf.Daemon.Logging;
using Wharf.Daemon.Routing;
using Wharf.Daemon.Tests.Api;
using Wharf.Daemon.Tests.Http;
using Wharf.Engine.Events;
using Wharf.Engine.State;

namespace Wharf.Daemon.Tests.Networking;

/// <summary>The real router with the network routes over <see cref="FakeNetworkService"/>, behind a real server on a temp socket.</summary>
internal sealed class NetworkApiServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly StateStore _store;
    private readonly EventBus _events;

    private NetworkApiServer(string directory, StateStore store, EventBus events, TestServer server, FakeNetworkService networks)
    {
        _directory = directory;
        _store = store;
        _events = events;
        Server = server;
        Networks = networks;
    }

    public TestServer Server { get; }

    public FakeNetworkService Networks { get; }

    public static NetworkApiServer Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharfd-networks-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var store = StateStore.Open(Path.Combine(directory, "wharf.db"));
        var events = new EventBus(store, TimeProvider.System);
        var networks = new FakeNetworkService();
        var logger = new LogfmtLogger(new LogLevelSwitch(Microsoft.Extensions.Logging.LogLevel.Debug), TextWriter.Null);
        var router = new ApiRouter(ApiComposition.CreateRoutes(new StubSystemService(), events, networks: new NetworkRouteServices(networks, networks)), logger);
        return new NetworkApiServer(directory, store, events, TestServer.Start(router), networks);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _events.Dispose();
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
