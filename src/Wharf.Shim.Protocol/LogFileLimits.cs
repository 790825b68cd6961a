using System.Globalization;

namespace Wharf.Shim.Protocol;

/// <summary>
/// A log file's rotation settings from <c>max-size</c> and <c>max-file</c>, with each driver's defaults
/// (json-file: unlimited, 1 file; local: 20 MiB, 5 files). Sizes are go-units' FromHumanSize (decimal: 10k = 10000),
/// as dockerd's json-file reads them; -1 means unlimited.
/// </summary>
public sealed record LogFileLimits(long MaxSize, int MaxFiles)
{
    public const long Unlimited = -1;

    public static LogFileLimits For(string driver, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var isLocal = driver == LogDrivers.Local;
        var maxSize = isLocal ? 20L * 1024 * 1024 : Unlimited;
        var maxFiles = isLocal ? 5 : 1;
        if (options.TryGetValue("max-size", out var size) && size.Length > 0)
        {
            maxSize = ParseSize(size);
        }

        if (options.TryGetValue("max-file", out var files) && files.Length > 0)
        {
            maxFiles = int.TryParse(files, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) && count >= 1
                ? count
                : throw new FormatException("max-file cannot be less than 1");
        }

        return new LogFileLimits(maxSize, maxFiles);
    }

    /// <summary>go-units FromHumanSize: a number (fraction allowed), an optional space, an optional k/m/g/t/p, an optional i and b.</summary>
    public static long ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim() == "-1")
        {
            return Unlimited;
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        if (end == 0 || !double.TryParse(text.AsSpan(0, end), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"invalid size: '{text}'");
        }

        var suffix = text.AsSpan(end).TrimStart(' ').ToString().ToLowerInvariant();
        var multiplier = suffix switch
        {
            "" or "b" => 1d,
            "k" or "kb" or "ki" or "kib" => 1e3,
            "m" or "mb" or "mi" or "mib" => 1e6,
            "g" or "gb" or "gi" or "gib" => 1e9,
            "t" or "tb" or "ti" or "tib" => 1e12,
            "p" or "pb" or "pi" or "pib" => 1e15,
            _ => throw new FormatException($"invalid size: '{text}'"),
        };
        var size = (long)(number * multiplier);
        return size > 0 ? size : throw new FormatException("max-size must be a positive number");
    }
}
