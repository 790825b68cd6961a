using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Api.Time;
using Wharf.Engine.Content;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Layers;
using Wharf.Engine.State;
using Wharf.Engine.SystemInfo;

namespace Wharf.Engine.Images;

/// <summary>
/// The local images with dockerd's (graphdriver image store) semantics: configs and tags in SQLite, layers in the
/// layer store (an image holds one reference on its top layer), original layer blobs in the content store for
/// <c>save</c>. Rows are written only after the files they point to, so an interrupted load leaves no image;
/// what it leaves behind (layers, blobs) is unreferenced and removed at once or by <see cref="Reconcile"/>.
/// </summary>
public sealed partial class ImageService : IImageService, IImageUsage
{
    private const string EventType = "image";
    private const long GoZeroTimeUnix = -62135596800;
    private static readonly string[] ListFilterKeys = ["before", "dangling", "label", "reference", "since", "until"];
    private static readonly string[] PruneFilterKeys = ["dangling", "label", "label!", "until"];

    private readonly ImageTable _table;
    private readonly IContentStore _content;
    private readonly ILayerStore _layers;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly IImageContainerUsage? _containers;
    private readonly ImageArchiveWriter _archiveWriter;
    private readonly string _scratchDirectory;
    private readonly Lock _ingestGate = new();
    private int _activeIngests;

    public ImageService(StateStore state, IContentStore content, ILayerStore layers, IEventPublisher events, string scratchDirectory, TimeProvider? timeProvider = null, IImageContainerUsage? containers = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentException.ThrowIfNullOrEmpty(scratchDirectory);
        _table = new ImageTable(state);
        _content = content;
        _layers = layers;
        _events = events;
        _time = timeProvider ?? TimeProvider.System;
        _containers = containers;
        _scratchDirectory = scratchDirectory;
        _archiveWriter = new ImageArchiveWriter(new LayerTarProvider(content, layers, scratchDirectory));
    }

    /// <summary>
    /// Start-up repair after a crash: recounts layer references (images and child layers), deletes layers and
    /// blobs no image uses, and stale ingest files. Returns how many things were removed.
    /// </summary>
    public int Reconcile()
    {
        var removed = _content.RemoveStaleIngests(TimeSpan.Zero);
        if (Directory.Exists(_scratchDirectory))
        {
            // Save's scratch files delete themselves on close; only a crash leaves any.
            foreach (var file in Directory.EnumerateFiles(_scratchDirectory))
            {
                File.Delete(file);
                removed++;
            }
        }

        removed += _table.RecountLayers();
        removed += _layers.Reconcile();
        lock (_ingestGate)
        {
            removed += DeleteUnreferencedBlobs();
        }

        return removed;
    }

    public int Count() => _table.All().Count;

    public long LayersSize()
    {
        var seen = new HashSet<Digest>();
        var size = 0L;
        foreach (var image in _table.All())
        {
            for (var layer = image.TopChainId is null ? null : _layers.Get(image.TopChainId); layer is not null && seen.Add(layer.ChainId); layer = layer.ParentChainId is null ? null : _layers.Get(layer.ParentChainId))
            {
                size += layer.Size;
            }
        }

        return size;
    }

    public IReadOnlyList<ImageSummary> List(ImageListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filters = ImageFilters.Parse(options.FiltersJson, ListFilterKeys);
        var dangling = filters.Boolean("dangling");
        var before = filters.Get("before").Select(b => ResolveRecord(b).CreatedUnix).DefaultIfEmpty(long.MaxValue).Min();
        var since = filters.Get("since").Select(s => ResolveRecord(s).CreatedUnix).DefaultIfEmpty(long.MinValue).Max();
        var until = UntilFilter(filters);
        var images = _table.All();
        var parents = images.Where(i => i.ParentId is not null).Select(i => i.ParentId!).ToHashSet(StringComparer.Ordinal);
        var summaries = new List<ImageSummary>();
        foreach (var image in images)
        {
            if (image.Tags.Count == 0 && !options.All && parents.Contains(image.Id))
            {
                continue;
            }

            if ((dangling == true && image.Tags.Count > 0) || (dangling == false && image.Tags.Count == 0))
            {
                continue;
            }

            if (image.CreatedUnix >= before || image.CreatedUnix <= since || image.CreatedUnix > until)
            {
                continue;
            }

            var config = ParsedImageConfig.Parse(image.Config);
            if (!filters.LabelsMatch("label", config.Config.Labels))
            {
                continue;
            }

            var tags = image.Tags.Select(ImageReference.Parse).ToList();
            if (filters.Contains("reference"))
            {
                tags = [.. tags.Where(t => filters.Get("reference").Any(p => ReferenceMatches(p, t)))];
                if (tags.Count == 0)
                {
                    continue;
                }
            }

            summaries.Add(new ImageSummary
            {
                Id = image.Id,
                ParentId = image.ParentId ?? string.Empty,
                RepoTags = [.. tags.Select(t => t.ToFamiliarString())],
                RepoDigests = [],
                Created = image.CreatedUnix,
                Size = image.Size,
                SharedSize = -1,
                VirtualSize = image.Size,
                Labels = config.Config.Labels ?? [],
                Containers = -1,
            });
        }

        summaries.Sort((a, b) => b.Created.CompareTo(a.Created));
        return summaries;
    }

    public ImageInspect Inspect(string nameOrId)
    {
        var image = ResolveRecord(nameOrId);
        var config = ParsedImageConfig.Parse(image.Config);
        return new ImageInspect
        {
            Id = image.Id,
            RepoTags = [.. image.Tags.Select(t => ImageReference.Parse(t).ToFamiliarString())],
            RepoDigests = [],
            Parent = image.ParentId ?? string.Empty,
            Comment = config.Comment,
            Created = config.CreatedText,
            DockerVersion = config.DockerVersion,
            Author = config.Author,
            Config = config.Config,
            Architecture = config.Architecture,
            Variant = config.Variant,
            Os = config.Os,
            OsVersion = config.OsVersion,
            Size = image.Size,
            GraphDriver = new DriverData { Name = "overlay2", Data = GraphDriverData(image.TopChainId) },
            RootFS = new ImageRootFs { Type = "layers", Layers = [.. config.DiffIds.Select(d => d.ToString())] },
            Metadata = new ImageMetadata
            {
                LastTagTime = image.LastTagNano == 0 ? "0001-01-01T00:00:00Z" : GoTime.FormatRfc3339Nano(DateTimeOffset.UnixEpoch.AddTicks(image.LastTagNano / 100)),
            },
        };
    }

    public IReadOnlyList<ImageHistoryItem> History(string nameOrId)
    {
        var image = ResolveRecord(nameOrId);
        var config = ParsedImageConfig.Parse(image.Config);
        var chainIds = ChainId.Of(config.DiffIds);
        var items = new List<ImageHistoryItem>();
        var layerIndex = 0;
        foreach (var entry in config.History)
        {
            long size = 0;
            if (!entry.EmptyLayer)
            {
                if (layerIndex >= chainIds.Count)
                {
                    throw new EngineException(ErrorKind.Internal, "too many non-empty layers in History section");
                }

                size = _layers.Get(chainIds[layerIndex])?.Size ?? 0;
                layerIndex++;
            }

            items.Add(new ImageHistoryItem
            {
                Id = "<missing>",
                Created = entry.Created?.ToUnixTimeSeconds() ?? 0,
                CreatedBy = entry.CreatedBy,
                Tags = null,
                Size = size,
                Comment = entry.Comment,
            });
        }

        items.Reverse();
        if (items.Count > 0)
        {
            items[0] = items[0] with
            {
                Id = image.Id,
                Tags = [.. image.Tags.Select(ImageReference.Parse).Where(t => t.Tag is not null).Select(t => t.ToFamiliarString())],
            };
        }

        return items;
    }

    public void Tag(string source, string repository, string? tag)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var image = ResolveRecord(source);
        var reference = TagReference(repository, tag);
        _table.Tag(reference.ToString(), image.Id, NowNano());
        Publish(image, reference.ToFamiliarString(), "tag");
    }

    public IReadOnlyList<ImageDeleteResponseItem> Remove(string nameOrId, bool force, bool noPrune)
    {
        var records = new List<ImageDeleteResponseItem>();
        var reclaimed = 0L;
        RemoveCore(nameOrId, force, !noPrune, records, ref reclaimed);
        return records;
    }

    public ImagePruneResponse Prune(string? filtersJson)
    {
        var filters = ImageFilters.Parse(filtersJson, PruneFilterKeys);
        var danglingOnly = filters.Boolean("dangling") ?? true;
        var until = UntilFilter(filters);
        var images = _table.All();
        var parents = images.Where(i => i.ParentId is not null).Select(i => i.ParentId!).ToHashSet(StringComparer.Ordinal);
        var deleted = new List<ImageDeleteResponseItem>();
        var reclaimed = 0L;
        foreach (var image in images)
        {
            if (parents.Contains(image.Id) && (danglingOnly || image.Tags.Count == 0))
            {
                continue;
            }

            if (image.CreatedUnix > until)
            {
                continue;
            }

            var labels = ParsedImageConfig.Parse(image.Config).Config.Labels;
            if (!filters.LabelsMatch("label", labels) || (filters.Contains("label!") && !filters.LabelsMatch("label!", labels, negate: true)))
            {
                continue;
            }

            if (image.Tags.Count > 0 && danglingOnly)
            {
                continue;
            }

            var names = image.Tags.Count > 0 ? image.Tags : [Digest.Parse(image.Id).Encoded];
            foreach (var name in names)
            {
                try
                {
                    RemoveCore(name, force: false, prune: true, deleted, ref reclaimed);
                }
                catch (EngineException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.NotFound)
                {
                    // In use or already gone with a sibling tag: dockerd skips those too.
                }
            }
        }

        _events.Publish(EventType, "prune", string.Empty, new Dictionary<string, string>(StringComparer.Ordinal) { ["reclaimed"] = reclaimed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new ImagePruneResponse { ImagesDeleted = deleted.Count > 0 ? deleted : null, SpaceReclaimed = reclaimed };
    }

    public async Task LoadAsync(Stream archive, bool quiet, IProgress<JsonMessage> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(progress);
        BeginIngest();
        try
        {
            var images = await new ImageArchiveReader(_content).ReadAsync(archive, ct).ConfigureAwait(false);
            foreach (var image in images)
            {
                await LoadImageAsync(image, quiet ? null : progress, progress, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            EndIngest();
        }
    }

    public async Task SaveAsync(IReadOnlyList<string> names, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(output);
        var selected = new List<(ImageRecord Image, List<ImageReference> Tags)>();
        void Add(ImageRecord image, ImageReference? tag)
        {
            var index = selected.FindIndex(s => s.Image.Id == image.Id);
            if (index < 0)
            {
                selected.Add((image, []));
                index = selected.Count - 1;
            }

            if (tag is not null && !selected[index].Tags.Contains(tag))
            {
                selected[index].Tags.Add(tag);
            }
        }

        foreach (var name in names)
        {
            var reference = ImageReference.TryParseNormalized(name, out var parsed) && !ImageReference.IsIdentifier(name) ? parsed : null;
            if (reference is not null && reference.IsNameOnly)
            {
                var repository = reference.ToString() + ":";
                var matches = _table.All().SelectMany(i => i.Tags.Where(t => t.StartsWith(repository, StringComparison.Ordinal)).Select(t => (Image: i, Tag: t))).ToList();
                if (matches.Count > 0)
                {
                    foreach (var (image, tag) in matches)
                    {
                        Add(image, ImageReference.Parse(tag));
                    }

                    continue;
                }
            }
            else if (reference is not null && reference.Tag is not null && _table.FindByReference(reference.ToString()) is { } tagged)
            {
                Add(_table.Get(tagged)!, reference);
                continue;
            }

            Add(ResolveRecord(name), null);
        }

        var items = selected.Select(s => new SaveItem(s.Image, ParsedImageConfig.Parse(s.Image.Config), _table.Blobs(s.Image.Id), s.Tags)).ToList();
        await _archiveWriter.WriteAsync(items, output, ct).ConfigureAwait(false);
        foreach (var item in items)
        {
            Publish(item.Image, item.Image.Id, "save");
        }
    }

    public async Task<string> ImportAsync(Stream tar, ImageImportOptions options, IProgress<JsonMessage> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tar);
        ArgumentNullException.ThrowIfNull(options);
        ImageReference? reference = null;
        if (!string.IsNullOrEmpty(options.Repository))
        {
            reference = ImageReference.ParseNormalized(options.Repository);
            if (reference.Digest is not null)
            {
                throw EngineException.InvalidParameter("cannot import digest reference");
            }

            reference = TagReference(options.Repository, options.Tag);
        }

        var (os, architecture, variant) = ParsePlatform(options.Platform);
        var runtime = new MutableImageConfig();
        DockerfileChanges.Apply(runtime, options.Changes ?? []);
        var comment = string.IsNullOrEmpty(options.Message) ? "Imported from -" : options.Message;
        BeginIngest();
        try
        {
            var blob = await _content.IngestAsync(tar, null, null, ct).ConfigureAwait(false);
            LayerRecord layer;
            using (var source = _content.OpenRead(blob.Digest))
            {
                layer = await _layers.RegisterAsync(source, null, ct).ConfigureAwait(false);
            }

            var committed = false;
            try
            {
                var created = _time.GetUtcNow();
                var config = ImportConfigWriter.Write(runtime, layer.DiffId, created, comment, architecture, os, variant);
                var id = Digest.Compute(config).ToString();
                var record = new ImageRecord(id, config, layer.ChainId, null, layer.Size, created.ToUnixTimeSeconds(), 0, []);
                var (isNew, _) = _table.Commit(record, NowNano(), [new ImageBlob(blob.Digest, layer.DiffId)], reference is null ? [] : [reference.ToString()], NowNano());
                committed = true;
                if (!isNew)
                {
                    _layers.Release(layer.ChainId);
                }

                var stored = _table.Get(id)!;
                if (reference is not null)
                {
                    Publish(stored, reference.ToFamiliarString(), "tag");
                }

                Publish(stored, id, "import");
                return id;
            }
            catch
            {
                if (!committed)
                {
                    _layers.Release(layer.ChainId);
                }

                throw;
            }
        }
        finally
        {
            EndIngest();
        }
    }

    public ResolvedImage Resolve(string nameOrId)
    {
        var image = ResolveRecord(nameOrId);
        return new ResolvedImage(image.Id, ParsedImageConfig.Parse(image.Config).Config, image.TopChainId);
    }

    /// <summary>dockerd's <c>GetImage</c>: a full ID, a reference (default tag latest), then a unique ID prefix.</summary>
    private ImageRecord ResolveRecord(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        if (Digest.TryParse(nameOrId, out var digest))
        {
            return _table.Get(digest.ToString()) ?? throw NoSuchImage(nameOrId);
        }

        string notFoundName = nameOrId;
        if (ImageReference.TryParseNormalized(nameOrId, out var reference) && reference is not null)
        {
            var tagged = reference.WithDefaultTag();
            notFoundName = tagged.ToFamiliarString();
            if (tagged.Digest is null && _table.FindByReference(tagged.ToString()) is { } id && _table.Get(id) is { } image)
            {
                return image;
            }
        }
        else if (!ShortId().IsMatch(nameOrId))
        {
            // Parse again for dockerd's exact invalid-reference message.
            ImageReference.ParseNormalized(nameOrId);
        }

        if (ShortId().IsMatch(nameOrId))
        {
            var prefix = nameOrId.StartsWith("sha256:", StringComparison.Ordinal) ? nameOrId : "sha256:" + nameOrId;
            var matches = _table.FindByIdPrefix(prefix);
            if (matches.Count == 1)
            {
                return _table.Get(matches[0]) ?? throw NoSuchImage(notFoundName);
            }
        }

        throw NoSuchImage(notFoundName);
    }

    private async Task LoadImageAsync(ArchiveImage archived, IProgress<JsonMessage>? layerProgress, IProgress<JsonMessage> output, CancellationToken ct)
    {
        byte[] config;
        await using (var stream = _content.OpenRead(archived.ConfigDigest))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
            config = buffer.ToArray();
        }

        var id = Digest.Compute(config);
        var parsed = ParsedImageConfig.Parse(config);
        if (parsed.DiffIds.Count != archived.LayerBlobs.Count)
        {
            throw EngineException.InvalidParameter($"invalid manifest, layers length mismatch: expected {archived.LayerBlobs.Count}, got {parsed.DiffIds.Count}");
        }

        var chainIds = ChainId.Of(parsed.DiffIds);
        Digest? held = null;
        var size = 0L;
        try
        {
            for (var i = 0; i < chainIds.Count; i++)
            {
                if (!_layers.TryAcquire(chainIds[i]))
                {
                    var blobSize = _content.GetInfo(archived.LayerBlobs[i])?.Size ?? 0;
                    var shortId = parsed.DiffIds[i].Encoded[..12];
                    LayerRecord record;
                    using (var blob = new ProgressReadStream(_content.OpenRead(archived.LayerBlobs[i]), blobSize, shortId, "Loading layer", layerProgress))
                    {
                        record = await _layers.RegisterAsync(blob, held, ct).ConfigureAwait(false);
                    }

                    if (record.DiffId != parsed.DiffIds[i])
                    {
                        _layers.Release(record.ChainId);
                        throw EngineException.InvalidParameter($"invalid diffID for layer {i}: expected \"{parsed.DiffIds[i]}\", got \"{record.DiffId}\"");
                    }
                }

                if (held is not null)
                {
                    // The child layer holds its parent now.
                    _layers.Release(held);
                }

                held = chainIds[i];
                size += _layers.Get(chainIds[i])?.Size ?? 0;
            }

            ct.ThrowIfCancellationRequested();
            var blobs = new List<ImageBlob> { new(archived.ConfigDigest, null) };
            blobs.AddRange(archived.LayerBlobs.Select((b, i) => new ImageBlob(b, parsed.DiffIds[i])));
            var image = new ImageRecord(id.ToString(), config, held, null, size, parsed.Created?.ToUnixTimeSeconds() ?? GoZeroTimeUnix, 0, []);
            var tags = archived.Tags.Select(t => t.ToString()).Distinct(StringComparer.Ordinal).ToList();
            // Like dockerd, a load sets tags without touching LastTagTime (only tag and import do).
            var (isNew, tagged) = _table.Commit(image, NowNano(), blobs, tags, tagNano: 0);
            if (!isNew && held is not null)
            {
                _layers.Release(held);
            }

            held = null;
            foreach (var (reference, previous) in tagged)
            {
                var familiar = ImageReference.Parse(reference).ToFamiliarString();
                if (previous is not null && previous != id.ToString())
                {
                    output.Report(new JsonMessage { Stream = $"The image {familiar} already exists, renaming the old one with ID {previous} to empty string\n" });
                }

                output.Report(new JsonMessage { Stream = $"Loaded image: {familiar}\n" });
            }

            if (tagged.Count == 0)
            {
                output.Report(new JsonMessage { Stream = $"Loaded image ID: {id}\n" });
            }

            Publish(_table.Get(id.ToString()), id.ToString(), "load");
        }
        catch
        {
            if (held is not null)
            {
                _layers.Release(held);
            }

            throw;
        }
    }

    private void RemoveCore(string nameOrId, bool force, bool prune, List<ImageDeleteResponseItem> records, ref long reclaimed)
    {
        var image = ResolveRecord(nameOrId);
        if (!IsImageIdPrefix(image.Id, nameOrId))
        {
            var reference = ImageReference.ParseNormalized(nameOrId).WithDefaultTag();
            if (!force && image.Tags.Count == 1 && Users(image).FirstOrDefault() is { } user)
            {
                // Untagging the last name would leave the container's image dangling: dockerd wants force for that.
                throw EngineException.Conflict($"conflict: unable to remove repository reference \"{nameOrId}\" (must force) - container {ShortId(user.ContainerId)} is using its referenced image {ShortId(image.Id)}");
            }

            if (!_table.Untag(reference.ToString()))
            {
                throw NoSuchImage(reference.ToFamiliarString());
            }

            records.Add(new ImageDeleteResponseItem { Untagged = reference.ToFamiliarString() });
            Publish(image, image.Id, "untag");
            image = _table.Get(image.Id)!;
            if (image.Tags.Count > 0)
            {
                return;
            }
        }
        else if (image.Tags.Count == 1)
        {
            CheckConflicts(image, force ? Conflicts.Hard : Conflicts.Hard | Conflicts.Soft);
            _table.Untag(image.Tags[0]);
            records.Add(new ImageDeleteResponseItem { Untagged = ImageReference.Parse(image.Tags[0]).ToFamiliarString() });
            Publish(image, image.Id, "untag");
            image = _table.Get(image.Id)!;
        }

        DeleteImage(image, force, prune, quiet: false, records, ref reclaimed);
    }

    private void DeleteImage(ImageRecord image, bool force, bool prune, bool quiet, List<ImageDeleteResponseItem> records, ref long reclaimed)
    {
        var conflict = FindConflict(image, force ? Conflicts.Hard : Conflicts.Hard | Conflicts.Soft);
        if (conflict is not null)
        {
            if (quiet)
            {
                return;
            }

            throw conflict;
        }

        foreach (var tag in image.Tags)
        {
            _table.Untag(tag);
            records.Add(new ImageDeleteResponseItem { Untagged = ImageReference.Parse(tag).ToFamiliarString() });
            Publish(image, image.Id, "untag");
        }

        var removedLayers = new List<LayerRecord>();
        for (var layer = image.TopChainId is null ? null : _layers.Get(image.TopChainId); layer is not null && layer.ReferenceCount <= 1; layer = layer.ParentChainId is null ? null : _layers.Get(layer.ParentChainId))
        {
            removedLayers.Add(layer);
        }

        var orphanBlobs = _table.Delete(image.Id) ?? throw NoSuchImage(image.Id);
        if (image.TopChainId is not null)
        {
            _layers.Release(image.TopChainId);
        }

        DeleteBlobs(orphanBlobs);
        Publish(null, image.Id, "delete");
        records.Add(new ImageDeleteResponseItem { Deleted = image.Id });
        foreach (var layer in removedLayers)
        {
            records.Add(new ImageDeleteResponseItem { Deleted = layer.ChainId.ToString() });
            reclaimed += layer.Size;
        }

        if (prune && image.ParentId is not null && _table.Get(image.ParentId) is { Tags.Count: 0 } parent)
        {
            DeleteImage(parent, force: false, prune: true, quiet: true, records, ref reclaimed);
        }
    }

    private void CheckConflicts(ImageRecord image, Conflicts mask)
    {
        if (FindConflict(image, mask) is { } conflict)
        {
            throw conflict;
        }
    }

    private EngineException? FindConflict(ImageRecord image, Conflicts mask)
    {
        var shortId = Digest.Parse(image.Id).Encoded[..12];
        if (mask.HasFlag(Conflicts.Hard) && _table.All().Any(i => i.ParentId == image.Id))
        {
            return EngineException.Conflict($"conflict: unable to delete {shortId} (cannot be forced) - image has dependent child images");
        }

        var users = mask == Conflicts.None ? [] : Users(image);
        if (mask.HasFlag(Conflicts.Hard) && users.FirstOrDefault(u => u.Running) is { } running)
        {
            return EngineException.Conflict($"conflict: unable to delete {shortId} (cannot be forced) - image is being used by running container {ShortId(running.ContainerId)}");
        }

        if (mask.HasFlag(Conflicts.Soft) && image.Tags.Count > 1)
        {
            return EngineException.Conflict($"conflict: unable to delete {shortId} (must be forced) - image is referenced in multiple repositories");
        }

        if (mask.HasFlag(Conflicts.Soft) && users.FirstOrDefault(u => !u.Running) is { } stopped)
        {
            return EngineException.Conflict($"conflict: unable to delete {shortId} (must be forced) - image is being used by stopped container {ShortId(stopped.ContainerId)}");
        }

        return null;
    }

    private IReadOnlyList<ImageUser> Users(ImageRecord image) => _containers?.ContainersUsing(image.Id) ?? [];

    private static string ShortId(string id) => (Digest.TryParse(id, out var digest) ? digest.Encoded : id)[..12];

    private Dictionary<string, string> GraphDriverData(Digest? topChainId)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        var top = topChainId is null ? null : _layers.Get(topChainId);
        if (top is null)
        {
            return data;
        }

        var topDirectory = Path.GetDirectoryName(_layers.DiffPath(top))!;
        var lowers = new List<string>();
        for (var layer = top.ParentChainId is null ? null : _layers.Get(top.ParentChainId); layer is not null; layer = layer.ParentChainId is null ? null : _layers.Get(layer.ParentChainId))
        {
            lowers.Add(_layers.DiffPath(layer));
        }

        if (lowers.Count > 0)
        {
            data["LowerDir"] = string.Join(':', lowers);
        }

        data["MergedDir"] = Path.Combine(topDirectory, "merged");
        data["UpperDir"] = Path.Combine(topDirectory, "diff");
        data["WorkDir"] = Path.Combine(topDirectory, "work");
        return data;
    }

    private void BeginIngest()
    {
        lock (_ingestGate)
        {
            _activeIngests++;
        }
    }

    /// <summary>
    /// The last ingest to finish removes every blob no image keeps: what a failed or cancelled load ingested, and
    /// an archive's manifests and indexes. While another ingest runs its blobs are not referenced yet, so wait.
    /// </summary>
    private void EndIngest()
    {
        lock (_ingestGate)
        {
            if (--_activeIngests == 0)
            {
                DeleteUnreferencedBlobs();
            }
        }
    }

    private void DeleteBlobs(List<Digest> blobs)
    {
        lock (_ingestGate)
        {
            if (_activeIngests > 0)
            {
                // A running load may be about to reference one of them; it collects them when it ends.
                return;
            }

            foreach (var blob in blobs)
            {
                _content.Delete(blob);
            }
        }
    }

    private int DeleteUnreferencedBlobs()
    {
        var referenced = _table.ReferencedBlobs();
        var removed = 0;
        foreach (var blob in _content.List().ToList())
        {
            if (!referenced.Contains(blob.Digest.ToString()) && _content.Delete(blob.Digest))
            {
                removed++;
            }
        }

        return removed;
    }

    private void Publish(ImageRecord? image, string name, string action)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (image is not null && ParsedImageConfig.Parse(image.Config).Config.Labels is { } labels)
        {
            foreach (var (key, value) in labels)
            {
                attributes[key] = value;
            }
        }

        attributes["name"] = name;
        _events.Publish(EventType, action, image?.Id ?? name, attributes);
    }

    /// <summary>
    /// The <c>until</c> filter as dockerd reads it (timetypes.GetTimestamp): a Go duration ("1h"), an RFC 3339 time
    /// or date, or a Unix timestamp, relative to now.
    /// </summary>
    private long UntilFilter(ImageFilters filters)
    {
        var now = _time.GetLocalNow();
        var until = long.MaxValue;
        foreach (var value in filters.Get("until"))
        {
            string timestamp;
            try
            {
                timestamp = GoTimestamp.GetTimestamp(value, now);
            }
            catch (FormatException ex)
            {
                throw EngineException.InvalidParameter(ex.Message);
            }

            until = Math.Min(until, DockerTimestamp.Parse(timestamp).ToUnixTimeSeconds());
        }

        return until;
    }

    private long NowNano() => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static ImageReference TagReference(string repository, string? tag)
    {
        var reference = ImageReference.ParseNormalized(repository);
        if (!string.IsNullOrEmpty(tag))
        {
            reference = reference.WithTag(tag);
        }

        if (reference.Digest is not null)
        {
            throw EngineException.InvalidParameter("refusing to create a tag with a digest reference");
        }

        return reference.WithDefaultTag();
    }

    private static (string Os, string Architecture, string? Variant) ParsePlatform(string? platform)
    {
        if (string.IsNullOrEmpty(platform))
        {
            return ("linux", "amd64", null);
        }

        var parts = platform.ToLowerInvariant().Split('/');
        return parts.Length switch
        {
            1 => (parts[0], "amd64", null),
            2 => (parts[0], parts[1], null),
            3 => (parts[0], parts[1], parts[2]),
            _ => throw EngineException.InvalidParameter($"\"{platform}\": unknown operating system or architecture: invalid argument"),
        };
    }

    private static bool ReferenceMatches(string pattern, ImageReference tag) =>
        PathGlob.IsMatch(pattern, tag.ToFamiliarString()) || PathGlob.IsMatch(pattern, tag.WithoutTagOrDigest().ToFamiliarString());

    private static bool IsImageIdPrefix(string imageId, string candidate) =>
        imageId.StartsWith(candidate, StringComparison.Ordinal) || imageId[(imageId.IndexOf(':', StringComparison.Ordinal) + 1)..].StartsWith(candidate, StringComparison.Ordinal);

    private static EngineException NoSuchImage(string name) => EngineException.NotFound($"No such image: {name}");

    [GeneratedRegex("^(sha256:)?[0-9a-f]{1,64}$")]
    private static partial Regex ShortId();
}
