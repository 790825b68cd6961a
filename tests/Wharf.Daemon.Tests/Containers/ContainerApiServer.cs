using Wharf.Daemon.Composition;
using Wharf.Daemon.Logging;
using Wharf.Daemon.Routing;
using Wharf.Daemon.Tests.Api;
using Wharf.Daemon.Tests.Http;
using Wharf.Engine.Events;
using Wharf.Engine.State;

namespace Wharf.Daemon.Tests.Containers;

/// <summary>The real router with the container routes over <see cref="FakeContainerService"/>, behind a real server on a temp socket.</summary>
internal sealed class ContainerApiServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly StateStore _store;
    private readonly EventBus _events;

    private ContainerApiServer(string directory, StateStore store, EventBus events, TestServer server, FakeContainerService containers)
    {
        _directory = directory;
        _store = store;
        _events = events;
        Server = server;
        Containers = containers;
    }

    public TestServer Server { get; }

    public FakeContainerService Containers { get; }

    public static ContainerApiServer Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharfd-containers-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var store = StateStore.Open(Path.Combine(directory, "wharf.db"));
        var events = new EventBus(store, TimeProvider.System);
        var containers = new FakeContainerService();
        var logger = new LogfmtLogger(new LogLevelSwitch(Microsoft.Extensions.Logging.LogLevel.Debug), TextWriter.Null);
        var router = new ApiRouter(ApiComposition.CreateRoutes(new StubSystemService(), events, containers: containers), logger);
        return new ContainerApiServer(directory, store, events, TestServer.Start(router), containers);
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
