using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Content;
using Wharf.Engine.Images;
using Wharf.Engine.Layers;
using Wharf.Engine.State;
using Wharf.Engine.Tests.Content;
using Wharf.Engine.Tests.Images;

namespace Wharf.Engine.Tests.Containers;

/// <summary>
/// A container service over a fresh database, real image and layer stores, a fake runtime and spec builder and
/// directory "mounts": the state machine, the store and the events, without root.
/// </summary>
public sealed class ContainerServiceHarness : IAsyncDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public ContainerServiceHarness(ManualTimeProvider? clock = null)
    {
        Clock = clock;
        State = StateStore.Open(_scratch.Combine("wharf.db"));
        Content = new FileContentStore(_scratch.Combine("content"));
        Layers = new OverlayLayerStore(State, _scratch.Combine("overlay"));
        Images = new ImageService(State, Content, Layers, Events, _scratch.Combine("tmp"), containers: new ContainerImageUsage(State));
        Options = new ContainerServiceOptions
        {
            DataRoot = _scratch.Combine("data"),
            ExecRoot = _scratch.Combine("exec"),
            HostResolvConfPath = _scratch.Combine("resolv.conf"),
            HostHostsPath = _scratch.Combine("hosts"),
            HostName = "testhost",
        };
        File.WriteAllText(Options.HostResolvConfPath, "nameserver 127.0.0.53\nsearch example.org\n");
        File.WriteAllText(Options.HostHostsPath, "127.0.0.1 localhost testhost\n");
        Service = NewService();
    }

    public StateStore State { get; }

    public FileContentStore Content { get; }

    public OverlayLayerStore Layers { get; }

    public EventRecorder Events { get; } = new();

    public ImageService Images { get; }

    public ContainerServiceOptions Options { get; }

    public FakeRuntime Runtime { get; private set; } = new();

    public FakeSpecBuilder Specs { get; } = new();

    public ManualTimeProvider? Clock { get; }

    public string ContainersRoot => Path.Combine(Options.DataRoot, "containers");

    public ContainerService Service { get; private set; }

    /// <summary>Imports a one-layer image (an empty tar) tagged <paramref name="reference"/> with CMD ["sh"].</summary>
    public async Task<string> AddImageAsync(string reference = "busybox:latest", params string[] changes)
    {
        using var tar = new MemoryStream(new byte[1024]);
        var colon = reference.LastIndexOf(':');
        var options = new ImageImportOptions(reference[..colon], reference[(colon + 1)..], null, changes.Length > 0 ? changes : ["CMD [\"sh\"]"], null);
        return await Images.ImportAsync(tar, options, new CollectingProgress(), CancellationToken.None);
    }

    public async Task<string> CreateAsync(string? name = null, IReadOnlyList<string>? cmd = null, HostConfig? hostConfig = null, string image = "busybox")
    {
        var response = await Service.CreateAsync(name, null, new ContainerCreateRequest { Image = image, Cmd = cmd, HostConfig = hostConfig }, CancellationToken.None);
        return response.Id;
    }

    public FakeTask TaskOf(string id) => Runtime.Tasks[id];

    /// <summary>Simulates a wharfd restart: the old service goes (containers keep running in the fake runtime), a new one restores.</summary>
    public async Task RestartDaemonAsync(Action<FakeRuntime>? prepare = null)
    {
        await Service.DisposeAsync();
        var previous = Runtime;
        Runtime = new FakeRuntime();
        foreach (var (id, running) in previous.States)
        {
            Runtime.States[id] = running;
        }

        prepare?.Invoke(Runtime);
        Images.Reconcile();
        Service = NewService();
        await Service.RestoreAsync(CancellationToken.None);
    }

    public int LayerReferences(string imageReference)
    {
        var top = Images.Resolve(imageReference).TopChainId!;
        return Layers.Get(top)!.ReferenceCount;
    }

    public async Task<T> EventuallyAsync<T>(Func<T> probe, Func<T, bool> done, string what)
    {
        for (var i = 0; i < 500; i++)
        {
            var value = probe();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException("timed out waiting for " + what);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        State.Dispose();
        _scratch.Dispose();
    }

    private ContainerService NewService() =>
        new(Options, State, Images, Layers, Runtime, Specs, Events, Clock, null, new DirectoryRootfs(ContainersRoot));
}
