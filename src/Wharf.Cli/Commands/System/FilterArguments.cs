using System.Text.Json;
using Wharf.Cli.Json;

namespace Wharf.Cli.Commands.System;

/// <summary>docker's <c>--filter key=value</c> options and their <c>filters</c> query form (<c>{"key":{"value":true}}</c>).</summary>
public static class FilterArguments
{
    public static string? Validate(string value) =>
        value.Contains('=', StringComparison.Ordinal) ? null : "bad format of filter (expected name=value)";

    public static string? ToJson(IReadOnlyList<string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            return null;
        }

        var map = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var equals = filter.IndexOf('=', StringComparison.Ordinal);
            var key = filter[..equals].Trim().ToLowerInvariant();
            var value = filter[(equals + 1)..].Trim();
            if (!map.TryGetValue(key, out var values))
            {
                values = new Dictionary<string, bool>(StringComparer.Ordinal);
                map[key] = values;
            }

            values[value] = true;
        }

        // Go marshals maps with sorted keys; the daemon doesn't care, but the request is then byte for byte docker's.
        var sorted = map.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderBy(value => value.Key, StringComparer.Ordinal).ToDictionary(value => value.Key, value => value.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return JsonSerializer.Serialize(sorted, CliJsonContext.Default.DictionaryStringDictionaryStringBoolean);
    }
}
