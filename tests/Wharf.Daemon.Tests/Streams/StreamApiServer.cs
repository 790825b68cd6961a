using Wharf.Daemon.Api;
using Wharf.Daemon.Composition;
using Wharf.Daemon.Logging;
using Wharf.Daemon.Routing;
using Wharf.Daemon.Tests.Api;
using Wharf.Daemon.Tests.Http;
using Wharf.Engine.Events;
using Wharf.Engine.Exec;
using Wharf.Engine.Stats;
using Wharf.Engine.State;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>The real router with the stream routes over <see cref="StreamFakes"/> and the real exec and stats services, behind a real server.</summary>
internal sealed class StreamApiServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly StateStore _store;
    private readonly EventBus _bus;

    private StreamApiServer(string directory, StateStore store, EventBus bus, RecordedEvents events, ExecService execs, StreamFakes fakes, TestServer server)
    {
        _directory = directory;
        _store = store;
        _bus = bus;
        Events = events;
        Execs = execs;
        Fakes = fakes;
        Server = server;
    }

    public RecordedEvents Events { get; }

    public ExecService Execs { get; }

    public StreamFakes Fakes { get; }

    public TestServer Server { get; }

    public static StreamApiServer Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharfd-streams-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var store = StateStore.Open(Path.Combine(directory, "wharf.db"));
        var bus = new EventBus(store, TimeProvider.System);
        var events = new RecordedEvents();
        var fakes = new StreamFakes();
        var execs = new ExecService(fakes, fakes, events, TimeProvider.System);
        var sampler = new FixedSampler();
        var streams = new ContainerStreamServices(fakes, fakes, execs, new StatsService(fakes, sampler, TimeProvider.System), sampler, events);
        var logger = new LogfmtLogger(new LogLevelSwitch(Microsoft.Extensions.Logging.LogLevel.Debug), TextWriter.Null);
        var router = new ApiRouter(ApiComposition.CreateRoutes(new StubSystemService(), bus, streams: streams), logger);
        return new StreamApiServer(directory, store, bus, events, execs, fakes, TestServer.Start(router));
    }

    public async Task<HijackClient> ConnectAsync() => new(await Server.ConnectAsync());

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Execs.Dispose();
        _bus.Dispose();
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
