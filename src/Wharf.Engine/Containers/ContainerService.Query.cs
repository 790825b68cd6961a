using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Engine.Content;
using Wharf.Engine.Errors;
using Wharf.Engine.Images;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private static readonly string[] ListFilterKeys =
        ["ancestor", "before", "exited", "id", "isolation", "label", "name", "status", "health", "since", "volume", "network", "is-task", "publish", "expose"];

    private static readonly string[] HealthWords = ["starting", "healthy", "unhealthy", "none"];

    /// <summary>Waiting for removal only: the stop signal is one that never fires.</summary>
    private static readonly Task Never = new TaskCompletionSource().Task;

    public IReadOnlyList<ContainerSummary> List(ContainerListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filters = ImageFilters.Parse(options.FiltersJson, ListFilterKeys);
        var all = options.All;
        var exited = new List<int>();
        foreach (var value in filters.Get("exited"))
        {
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            {
                throw EngineException.InvalidParameter($"invalid filter 'exited={value}': strconv.Atoi: parsing \"{value}\": invalid syntax");
            }

            exited.Add(code);
        }

        foreach (var value in filters.Get("status"))
        {
            if (!ContainerStatusText.States.Contains(value))
            {
                throw EngineException.InvalidParameter($"invalid filter 'status={value}'");
            }

            all = true;
        }

        bool? isTask = null;
        if (filters.Contains("is-task"))
        {
            var values = filters.Get("is-task");
            isTask = values.Contains("true") ? true : values.Contains("false") ? false : throw EngineException.InvalidParameter($"invalid filter 'is-task=[{string.Join(' ', values)}]'");
        }

        foreach (var value in filters.Get("health"))
        {
            if (!HealthWords.Contains(value))
            {
                throw EngineException.InvalidParameter($"Unrecognised filter value for health: {value}");
            }
        }

        foreach (var key in new[] { "publish", "expose" })
        {
            foreach (var value in filters.Get(key))
            {
                if (value.Contains(':', StringComparison.Ordinal))
                {
                    throw EngineException.InvalidParameter($"filter for '{key}' should not contain ':': {value}");
                }
            }
        }

        string? before = null;
        foreach (var value in filters.Get("before"))
        {
            before = Resolve(value).Id;
        }

        string? since = null;
        foreach (var value in filters.Get("since"))
        {
            since = Resolve(value).Id;
        }

        HashSet<string>? ancestors = null;
        if (filters.Contains("ancestor"))
        {
            ancestors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in filters.Get("ancestor"))
            {
                try
                {
                    ancestors.Add(_images.Resolve(value).Id);
                }
                catch (EngineException)
                {
                    // dockerd only logs an ancestor it cannot find.
                }
            }
        }

        var now = _time.GetUtcNow();
        var summaries = new List<ContainerSummary>();
        foreach (var entry in _containers.Values.Where(e => !e.Removed).OrderByDescending(e => e.Record.Created))
        {
            var record = entry.Record;
            var state = record.State;
            if (before is not null)
            {
                if (record.Id == before)
                {
                    before = null;
                }

                continue;
            }

            if (since is not null && record.Id == since)
            {
                break;
            }

            if (!state.Running && !all && options.Limit <= 0)
            {
                continue;
            }

            if (!Matches(filters, "name", record.Name) && !Matches(filters, "name", record.Name.TrimStart('/')))
            {
                continue;
            }

            if (!Matches(filters, "id", record.Id) || isTask == true || !filters.LabelsMatch("label", record.Config.Labels))
            {
                continue;
            }

            if (!Matches(filters, "isolation", record.HostConfig.Isolation.Length == 0 ? "default" : record.HostConfig.Isolation.ToLowerInvariant()))
            {
                continue;
            }

            if (options.Limit > 0 && summaries.Count == options.Limit)
            {
                break;
            }

            if (exited.Count > 0 && !(exited.Contains(state.ExitCode) && !state.Running && state.StartedAt is not null))
            {
                continue;
            }

            var word = ContainerStatusText.StateWord(state, entry.RemovalInProgress);
            var health = state.Running ? _health?.Get(record.Id) : null;
            if (!ExactMatches(filters, "status", word) || !ExactMatches(filters, "health", health?.Status ?? "none"))
            {
                continue;
            }

            if (filters.Contains("volume") || filters.Contains("publish"))
            {
                // No volume or published port exists yet, so nothing can match.
                continue;
            }

            if (ancestors is not null && !ancestors.Contains(record.ImageId))
            {
                continue;
            }

            if (filters.Contains("network") && !filters.Get("network").Any(n => NetworksOf(record).ContainsKey(n)))
            {
                continue;
            }

            if (filters.Contains("expose") && !filters.Get("expose").Any(p => ExposedPortMatches(record, p)))
            {
                continue;
            }

            summaries.Add(Summarize(entry, record, health, options.Size, now));
        }

        return summaries;
    }

    public ContainerInspect Inspect(string nameOrId, bool size)
    {
        var entry = Resolve(nameOrId);
        var record = entry.Record;
        long? sizeRw = null;
        long? sizeRootFs = null;
        if (size)
        {
            (sizeRw, sizeRootFs) = Sizes(record);
        }

        return new ContainerInspect
        {
            Id = record.Id,
            Created = FormatTime(record.Created),
            Path = record.Path,
            Args = record.Args,
            State = ToApiState(entry, record),
            Image = record.ImageId,
            ResolvConfPath = _paths.ResolvConfFile(record.Id),
            HostnamePath = _paths.HostnameFile(record.Id),
            HostsPath = _paths.HostsFile(record.Id),
            LogPath = record.LogPath,
            Name = record.Name,
            RestartCount = record.RestartCount,
            Driver = "overlay2",
            Platform = "linux",
            MountLabel = "",
            ProcessLabel = "",
            AppArmorProfile = "",
            ExecIDs = _execs?.ExecIds(record.Id),
            HostConfig = record.HostConfig,
            GraphDriver = new DriverData { Name = "overlay2", Data = GraphDriverData(record) },
            SizeRw = sizeRw,
            SizeRootFs = sizeRootFs,
            Mounts = [],
            Config = record.Config,
            NetworkSettings = InspectNetworkSettings(record),
        };
    }

    public IReadOnlyList<FilesystemChange> Changes(string nameOrId)
    {
        var record = Resolve(nameOrId).Record;
        return ContainerChanges.Compute(_paths.UpperDirectory(record.Id), LowerDirectories(record));
    }

    public async Task ExportAsync(string nameOrId, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entry = Resolve(nameOrId);
        if (entry.RemovalInProgress || entry.Record.State.Dead)
        {
            throw EngineException.Conflict($"cannot export container {entry.Id}: container is marked for removal");
        }

        var rootfs = AcquireRootfs(entry);
        try
        {
            await Task.Run(() => LayerDiffWriter.Write(rootfs, output, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReleaseRootfs(entry);
        }

        Publish(entry.Record, "export");
    }

    public Task<ContainerWaitResponse> Wait(string nameOrId, WaitCondition condition, CancellationToken cancellationToken)
    {
        var entry = Resolve(nameOrId);
        Task stopped;
        Task removed;
        lock (entry.Gate)
        {
            if (condition == WaitCondition.NotRunning && !entry.Record.State.Running)
            {
                return Task.FromResult(WaitResult(entry));
            }

            stopped = condition == WaitCondition.Removed ? Never : entry.Stopped;
            removed = entry.RemovedSignal;
        }

        return WaitForAsync(entry, stopped, removed, cancellationToken);
    }

    public ContainerCounts Counts()
    {
        int running = 0, paused = 0, stopped = 0;
        foreach (var entry in _containers.Values.Where(e => !e.Removed))
        {
            switch (ContainerStatusText.StateWord(entry.Record.State, entry.RemovalInProgress))
            {
                case ContainerStatusText.Running:
                    running++;
                    break;
                case ContainerStatusText.Paused:
                    paused++;
                    break;
                default:
                    stopped++;
                    break;
            }
        }

        return new ContainerCounts(running + paused + stopped, running, paused, stopped);
    }

    public IReadOnlyList<ContainerSummary> ListWithSizes() => List(new ContainerListOptions(All: true, Size: true));

    private static async Task<ContainerWaitResponse> WaitForAsync(ContainerEntry entry, Task stopped, Task removed, CancellationToken cancellationToken)
    {
        await Task.WhenAny(stopped, removed).WaitAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return WaitResult(entry);
    }

    private static ContainerWaitResponse WaitResult(ContainerEntry entry)
    {
        var state = entry.Record.State;
        return new ContainerWaitResponse
        {
            StatusCode = state.ExitCode,
            Error = state.Error.Length > 0 ? new ContainerWaitError { Message = state.Error } : null,
        };
    }

    private ContainerSummary Summarize(ContainerEntry entry, ContainerRecord record, ContainerHealth? health, bool size, DateTimeOffset now)
    {
        long? sizeRw = null;
        long? sizeRootFs = null;
        if (size)
        {
            var (rw, rootFs) = Sizes(record);
            sizeRw = rw == 0 ? null : rw;
            sizeRootFs = rootFs == 0 ? null : rootFs;
        }

        return new ContainerSummary
        {
            Id = record.Id,
            Names = [record.Name],
            Image = SummaryImage(record),
            ImageID = record.ImageId,
            Command = CommandOf(record),
            Created = record.Created.ToUnixTimeSeconds(),
            Ports = Networking.Sandbox.PortPlan.Summary(record.State.Running ? record.NetworkSettings?.Ports : null),
            SizeRw = sizeRw,
            SizeRootFs = sizeRootFs,
            Labels = record.Config.Labels ?? [],
            State = ContainerStatusText.StateWord(record.State, entry.RemovalInProgress),
            Status = ContainerStatusText.Describe(record.State, entry.RemovalInProgress, health, now),
            HostConfig = new ContainerSummaryHostConfig { NetworkMode = record.HostConfig.NetworkMode },
            NetworkSettings = new ContainerSummaryNetworkSettings { Networks = NetworksOf(record) },
            Mounts = [],
        };
    }

    /// <summary>The name the container was created with while it still names the same image, else the image ID (as dockerd).</summary>
    private string SummaryImage(ContainerRecord record)
    {
        if (record.Config.Image == record.ImageId)
        {
            return record.ImageId;
        }

        try
        {
            return _images.Resolve(record.Config.Image).Id == record.ImageId ? record.Config.Image : record.ImageId;
        }
        catch (EngineException)
        {
            return record.ImageId;
        }
    }

    /// <summary>dockerd's ps Command: Path and Args, an argument with a space in single quotes.</summary>
    internal static string CommandOf(ContainerRecord record)
    {
        if (record.Args.Count == 0)
        {
            return record.Path;
        }

        return record.Path + " " + string.Join(' ', record.Args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
    }

    /// <summary>dockerd's inspect NetworkSettings: addresses and Ports only while the container runs.</summary>
    private static NetworkSettings InspectNetworkSettings(ContainerRecord record)
    {
        if (record.NetworkSettings is not { } settings)
        {
            return new NetworkSettings { Networks = NetworksOf(record), SandboxKey = "" };
        }

        return settings.SandboxKey.Length > 0 ? settings : settings with { Ports = [] };
    }

    /// <summary>The networks a container shows: its recorded endpoints, else the built-in mode's network without addresses.</summary>
    private static Dictionary<string, EndpointSettings> NetworksOf(ContainerRecord record)
    {
        if (record.NetworkSettings is { } settings)
        {
            return settings.Networks;
        }

        var mode = record.HostConfig.NetworkMode;
        var name = mode switch
        {
            "default" or "" => "bridge",
            _ when mode.StartsWith("container:", StringComparison.Ordinal) => null,
            _ => mode,
        };
        return name is null
            ? new Dictionary<string, EndpointSettings>(StringComparer.Ordinal)
            : new Dictionary<string, EndpointSettings>(StringComparer.Ordinal) { [name] = new EndpointSettings() };
    }

    private static bool ExposedPortMatches(ContainerRecord record, string filter)
    {
        var port = filter.Contains('/', StringComparison.Ordinal) ? filter : filter + "/tcp";
        return record.Config.ExposedPorts?.ContainsKey(port) == true;
    }

    private (long SizeRw, long SizeRootFs) Sizes(ContainerRecord record)
    {
        var rw = SizeOf(_paths.UpperDirectory(record.Id));
        var image = 0L;
        for (var layer = record.LayerChainId is null ? null : _layers.Get(Digest.Parse(record.LayerChainId)); layer is not null; layer = layer.ParentChainId is null ? null : _layers.Get(layer.ParentChainId))
        {
            image += layer.Size;
        }

        return (rw, rw + image);
    }

    private List<string> LowerDirectories(ContainerRecord record)
    {
        var lowers = new List<string>(_rootfs.OwnLowerDirectories(record.Id));
        for (var layer = record.LayerChainId is null ? null : _layers.Get(Digest.Parse(record.LayerChainId)); layer is not null; layer = layer.ParentChainId is null ? null : _layers.Get(layer.ParentChainId))
        {
            lowers.Add(_layers.DiffPath(layer));
        }

        return lowers;
    }

    private Dictionary<string, string> GraphDriverData(ContainerRecord record)
    {
        var lowers = LowerDirectories(record);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LowerDir"] = lowers.Count > 0 ? string.Join(':', lowers) : _paths.EmptyLowerDirectory(record.Id),
            ["MergedDir"] = _paths.MergedDirectory(record.Id),
            ["UpperDir"] = _paths.UpperDirectory(record.Id),
            ["WorkDir"] = _paths.WorkDirectory(record.Id),
        };
    }

    /// <summary>moby's filters.Match: no filter, an exact value, or a value that is a regular expression matching the field.</summary>
    private static bool Matches(ImageFilters filters, string key, string value)
    {
        if (!filters.Contains(key))
        {
            return true;
        }

        foreach (var pattern in filters.Get(key))
        {
            if (pattern == value)
            {
                return true;
            }

            try
            {
                if (Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Go skips a pattern that does not compile.
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }

        return false;
    }

    private static bool ExactMatches(ImageFilters filters, string key, string value) =>
        !filters.Contains(key) || filters.Get(key).Contains(value);
}
