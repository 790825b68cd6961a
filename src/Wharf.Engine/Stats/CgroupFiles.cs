using System.Globalization;

namespace Wharf.Engine.Stats;

/// <summary>Reading the small text files of a cgroup directory; a missing file reads as nothing (the controller or kernel lacks it).</summary>
internal static class CgroupFiles
{
    public static string? ReadText(string? directory, string file)
    {
        if (directory is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(Path.Combine(directory, file));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A single number; <c>max</c> reads as <paramref name="max"/>.</summary>
    public static ulong? ReadNumber(string? directory, string file, ulong? max = null)
    {
        var text = ReadText(directory, file)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text == "max")
        {
            return max;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>"key value" lines (memory.stat, cpu.stat, cpuacct.stat, memory.events).</summary>
    public static Dictionary<string, ulong> ReadKeyValues(string? directory, string file)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var text = ReadText(directory, file);
        if (text is null)
        {
            return values;
        }

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[fields[0]] = value;
            }
        }

        return values;
    }

    /// <summary>Space-separated numbers (cpuacct.usage_percpu).</summary>
    public static List<ulong>? ReadNumbers(string? directory, string file)
    {
        var text = ReadText(directory, file);
        if (text is null)
        {
            return null;
        }

        var numbers = new List<ulong>();
        foreach (var field in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                numbers.Add(value);
            }
        }

        return numbers;
    }
}
