using Wharf.Cli.Commands.Containers.Create;

namespace Wharf.Cli.Commands.Networks;

/// <summary>How pflag and docker's option types read the repeated network flags into values.</summary>
public static class FlagValues
{
    /// <summary>
    /// pflag's StringSlice ("strings" in help): every occurrence is one CSV record, so <c>--subnet a,b</c> is two
    /// values; an empty occurrence adds none.
    /// </summary>
    public static List<string> StringSlice(IReadOnlyList<string> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var values = new List<string>();
        foreach (var occurrence in occurrences)
        {
            if (occurrence.Length > 0)
            {
                values.AddRange(CsvFields.Split(occurrence));
            }
        }

        return values;
    }

    /// <summary>pflag's StringSlice check while parsing: a value that is not one CSV record is an invalid argument.</summary>
    public static string? ValidateStringSlice(string occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        try
        {
            if (occurrence.Length > 0)
            {
                CsvFields.Split(occurrence);
            }

            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// docker's MapOpts and ConvertKVStringsToMap: <c>key=value</c>, a missing "=" gives an empty value, a later
    /// occurrence of a key replaces the earlier one (the key keeps its first place, as the values stay in flag order).
    /// </summary>
    public static Dictionary<string, string> KeyValues(IReadOnlyList<string> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var occurrence in occurrences)
        {
            var equals = occurrence.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                map[occurrence] = "";
            }
            else
            {
                map[occurrence[..equals]] = occurrence[(equals + 1)..];
            }
        }

        return map;
    }
}
