using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>
/// One container as the store keeps it (the <c>record</c> JSON of the <c>containers</c> table): its merged config,
/// the HostConfig with dockerd's defaults applied, the image and the image layer it holds a reference on, and its state.
/// </summary>
internal sealed record ContainerRecord
{
    public required string Id { get; init; }

    /// <summary>With dockerd's leading slash.</summary>
    public required string Name { get; init; }

    public DateTimeOffset Created { get; init; }

    /// <summary><c>sha256:…</c>.</summary>
    public required string ImageId { get; init; }

    /// <summary>The image's top layer, on which the container holds one reference (null for an image without layers).</summary>
    public string? LayerChainId { get; init; }

    public required ContainerConfig Config { get; init; }

    public required HostConfig HostConfig { get; init; }

    public NetworkingConfig? NetworkingConfig { get; init; }

    /// <summary>
    /// The networks the container is on (keys: network names) with, while it runs, its addresses, and the published
    /// ports: dockerd's persisted NetworkSettings. Null for records of containers made before networking (and when the
    /// daemon runs without networking, as in unit tests).
    /// </summary>
    public NetworkSettings? NetworkSettings { get; init; }

    public string Path { get; init; } = "";

    public IReadOnlyList<string> Args { get; init; } = [];

    public ContainerRunState State { get; init; } = new();

    public int RestartCount { get; init; }

    public bool HasBeenStartedBefore { get; init; }

    /// <summary>Set by a stop or kill from the user, cleared by the next start (unless-stopped then stays down).</summary>
    public bool HasBeenManuallyStopped { get; init; }

    /// <summary>The json-file log, once the container has started with that driver (dockerd leaves it empty otherwise).</summary>
    public string LogPath { get; init; } = "";
}
