using System.Globalization;
using Wharf.Daemon.Http;
using Wharf.Engine.Errors;

namespace Wharf.Daemon.Api;

/// <summary>The <c>h</c> and <c>w</c> of the resize endpoints, read like moby's httputils.Uint32Value (absent is 0).</summary>
internal static class ResizeQuery
{
    public static (int Height, int Width) Parse(QueryParameters query) =>
        (Read(query, "h", "height"), Read(query, "w", "width"));

    private static int Read(QueryParameters query, string name, string what)
    {
        var text = query.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            throw EngineException.InvalidParameter($"invalid resize {what} \"{text}\": strconv.ParseUint: parsing \"{text}\": invalid syntax");
        }

        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw EngineException.InvalidParameter($"invalid resize {what} \"{text}\": strconv.ParseUint: parsing \"{text}\": value out of range");
        }

        // A terminal is never that large; the runtime takes an int.
        return (int)Math.Min(value, ushort.MaxValue);
    }
}
