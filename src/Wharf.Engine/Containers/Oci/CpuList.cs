using System.Globalization;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>cpuset lists such as <c>0-3,6</c> (moby pkg/parsers ParseUintList).</summary>
public static class CpuList
{
    /// <summary>The numbers in <paramref name="list"/>, or null when it is malformed; above a non-zero <paramref name="maximum"/> is an error.</summary>
    public static HashSet<int>? Parse(string list, int maximum)
    {
        ArgumentNullException.ThrowIfNull(list);
        var numbers = new HashSet<int>();
        if (list.Length == 0)
        {
            return numbers;
        }

        foreach (var range in list.Split(','))
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var low = dash < 0 ? range : range[..dash];
            var high = dash < 0 ? range : range[(dash + 1)..];
            if (!int.TryParse(low, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(high, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var last)
                || last < first)
            {
                return null;
            }

            if (maximum != 0 && last > maximum)
            {
                throw EngineException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"value of out range, maximum is {maximum}"));
            }

            for (var number = first; number <= last; number++)
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }
}
