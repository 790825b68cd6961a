using System.Text.Json;

namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>docker's detach sequences: moby/term's ToBytes ("ctrl-p,ctrl-q" → 16, 17) and the config file's default.</summary>
public static class DetachKeys
{
    /// <summary>The default sequence, ctrl-p ctrl-q.</summary>
    public static readonly byte[] Default = [16, 17];

    private static readonly string[] ControlNames =
    [
        "ctrl-@", "ctrl-a", "ctrl-b", "ctrl-c", "ctrl-d", "ctrl-e", "ctrl-f", "ctrl-g", "ctrl-h", "ctrl-i", "ctrl-j", "ctrl-k",
        "ctrl-l", "ctrl-m", "ctrl-n", "ctrl-o", "ctrl-p", "ctrl-q", "ctrl-r", "ctrl-s", "ctrl-t", "ctrl-u", "ctrl-v", "ctrl-w",
        "ctrl-x", "ctrl-y", "ctrl-z", "ctrl-[", "ctrl-\\", "ctrl-]", "ctrl-^", "ctrl-_",
    ];

    /// <summary>term.ToBytes: comma-separated keys, each a single character, "ctrl-X" or "DEL".</summary>
    public static byte[] ToBytes(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var codes = new List<byte>();
        foreach (var key in keys.Split(','))
        {
            if (key.Length == 1)
            {
                codes.Add((byte)key[0]);
                continue;
            }

            var index = Array.IndexOf(ControlNames, key);
            if (index >= 0)
            {
                codes.Add((byte)index);
            }
            else if (key == "DEL")
            {
                codes.Add(127);
            }
            else
            {
                throw new FormatException($"Unknown character: '{key}'");
            }
        }

        return [.. codes];
    }

    /// <summary>The sequence in effect: the flag, else <c>detachKeys</c> of the CLI config file, else none (the daemon's default).</summary>
    public static string? Resolve(string? flag, string configDirectory)
    {
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }

        try
        {
            using var stream = File.OpenRead(Path.Combine(configDirectory, "config.json"));
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("detachKeys", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } configured
                    ? configured
                    : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
