using System.Buffers;
using System.Globalization;
using System.Text;

namespace Wharf.Daemon.Api;

/// <summary>How dockerd's WriteLogStream decorates a log line: <c>details</c> puts the (here empty) attributes and a space first, <c>timestamps</c> the time in RFC3339NanoFixed.</summary>
internal static class LogLine
{
    public static void Append(IBufferWriter<byte> buffer, DateTimeOffset time, ReadOnlySpan<byte> line, bool timestamps, bool details)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (timestamps)
        {
            buffer.Write(Encoding.ASCII.GetBytes(FormatTimestamp(time)));
            buffer.Write(" "u8);
        }

        if (details)
        {
            // No log attributes (labels/env log options) are kept, so only the separator remains, as with dockerd.
            buffer.Write(" "u8);
        }

        buffer.Write(line);
    }

    /// <summary>Go's RFC3339NanoFixed (<c>2006-01-02T15:04:05.000000000Z07:00</c>): always nine fractional digits.</summary>
    public static string FormatTimestamp(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond) * 100;
        return utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }
}
