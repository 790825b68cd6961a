using System.Text.Json;

namespace Wharf.Shim.Protocol;

/// <summary>
/// What the shim and wharfd read from runc's <c>&lt;root&gt;/&lt;id&gt;/state.json</c>: the container's cgroup dirs
/// (<c>cgroup_paths</c>: one per v1 controller, "" for the unified/v2 dir) and whether delete would have to run
/// poststop hooks (then only <c>runc delete</c> may clean up).
/// </summary>
public sealed record RuncStateFile(IReadOnlyDictionary<string, string> CgroupPaths, bool HasPoststopHooks, int InitPid)
{
    public static string DirectoryOf(string runtimeRoot, string containerId) => Path.Combine(runtimeRoot, containerId);

    /// <summary>Null when runc has no state for the container (or it cannot be read).</summary>
    public static RuncStateFile? TryRead(string runtimeRoot, string containerId)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(Path.Combine(DirectoryOf(runtimeRoot, containerId), "state.json"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("cgroup_paths", out var cgroups) && cgroups.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in cgroups.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } path)
                    {
                        paths[property.Name] = path;
                    }
                }
            }

            var hasPoststop = root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
                && config.TryGetProperty("hooks", out var hooks) && hooks.ValueKind == JsonValueKind.Object
                && hooks.TryGetProperty("poststop", out var poststop) && poststop.ValueKind == JsonValueKind.Array
                && poststop.GetArrayLength() > 0;
            var pid = root.TryGetProperty("init_process_pid", out var initPid) && initPid.TryGetInt32(out var value) ? value : 0;
            return new RuncStateFile(paths, hasPoststop, pid);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The cgroup dir whose cgroup.procs lists every process: v1 pids or memory (else any), v2 the unified dir.</summary>
    public string? ProcessCgroup()
    {
        foreach (var controller in (string[])["pids", "memory", "cpu", "freezer"])
        {
            if (CgroupPaths.TryGetValue(controller, out var path))
            {
                return path;
            }
        }

        if (CgroupPaths.TryGetValue("", out var unified))
        {
            return unified;
        }

        return CgroupPaths.Values.FirstOrDefault();
    }

    /// <summary>The memory cgroup (v1 memory controller, or the v2 unified dir when there is no v1 one).</summary>
    public string? MemoryCgroup() =>
        CgroupPaths.TryGetValue("memory", out var memory) ? memory
        : CgroupPaths.Count == 1 && CgroupPaths.TryGetValue("", out var unified) ? unified
        : null;
}
