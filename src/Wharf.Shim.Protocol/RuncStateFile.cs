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
            return Parse(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the three things needed in one forward pass (state.json also holds runc's whole config).</summary>
    private static RuncStateFile Parse(ReadOnlySpan<byte> content)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var hasPoststop = false;
        var pid = 0;
        var reader = new Utf8JsonReader(content);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("state.json is not an object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("cgroup_paths"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var controller = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } path)
                    {
                        paths[controller] = path;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("init_process_pid"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out pid))
                {
                    pid = 0;
                }
            }
            else if (reader.ValueTextEquals("config"u8))
            {
                reader.Read();
                hasPoststop = ConfigHasPoststopHooks(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new RuncStateFile(paths, hasPoststop, pid);
    }

    /// <summary>At the config object: whether its <c>hooks.poststop</c> is a non-empty array; leaves the reader at the object's end.</summary>
    private static bool ConfigHasPoststopHooks(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isHooks = reader.ValueTextEquals("hooks"u8);
            reader.Read();
            if (!isHooks || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPoststop = reader.ValueTextEquals("poststop"u8);
                reader.Read();
                if (isPoststop && reader.TokenType == JsonTokenType.StartArray)
                {
                    reader.Read();
                    found = reader.TokenType != JsonTokenType.EndArray;
                    if (found)
                    {
                        // Skip the rest of the array: each element, then the end.
                        while (reader.TokenType != JsonTokenType.EndArray)
                        {
                            reader.Skip();
                            reader.Read();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return found;
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
