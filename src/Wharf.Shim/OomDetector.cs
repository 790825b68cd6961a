using System.Globalization;

namespace Wharf.Shim;

/// <summary>
/// Whether the kernel's OOM killer hit the container: the <c>oom_kill N</c> counter of its memory cgroup
/// (<c>memory.oom_control</c> on v1, <c>memory.events</c> on v2), read before the cgroup is removed.
/// </summary>
internal static class OomDetector
{
    public static bool WasOomKilled(string? memoryCgroup)
    {
        if (string.IsNullOrEmpty(memoryCgroup))
        {
            return false;
        }

        foreach (var file in (string[])["memory.oom_control", "memory.events"])
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(Path.Combine(memoryCgroup, file));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var line in lines)
            {
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan("oom_kill ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    return count > 0;
                }
            }
        }

        return false;
    }
}
