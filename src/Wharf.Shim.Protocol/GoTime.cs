using System.Globalization;

namespace Wharf.Shim.Protocol;

/// <summary>
/// Go's <c>time.RFC3339Nano</c> in UTC, as Docker writes log and state times: <c>2026-12-01T21:00:00.123456789Z</c>,
/// trailing zeros of the fraction trimmed and the dot dropped when nothing is left.
/// </summary>
public static class GoTime
{
    private const long NanosecondsPerSecond = 1_000_000_000L;

    public static string FormatRfc3339Nano(long unixNanoseconds)
    {
        Span<char> buffer = stackalloc char[40];
        var length = FormatRfc3339Nano(unixNanoseconds, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>Formats into <paramref name="destination"/> (at least 35 chars) and returns the length written.</summary>
    public static int FormatRfc3339Nano(long unixNanoseconds, Span<char> destination)
    {
        var seconds = Math.DivRem(unixNanoseconds, NanosecondsPerSecond, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += NanosecondsPerSecond;
        }

        var time = DateTime.UnixEpoch.AddSeconds(seconds);
        if (!time.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("destination too short", nameof(destination));
        }

        if (fraction != 0)
        {
            destination[written++] = '.';
            var digits = 9;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                destination[written + i] = (char)('0' + (fraction % 10));
                fraction /= 10;
            }

            written += digits;
        }

        destination[written++] = 'Z';
        return written;
    }

    public static string FormatRfc3339Nano(DateTimeOffset time) => FormatRfc3339Nano(ToUnixNanoseconds(time));

    public static long ToUnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>Nanoseconds below 100 are lost: DateTimeOffset counts 100 ns ticks.</summary>
    public static DateTimeOffset FromUnixNanoseconds(long unixNanoseconds) =>
        new(DateTime.UnixEpoch.Ticks + (unixNanoseconds / 100), TimeSpan.Zero);

    /// <summary>Parses an RFC 3339 time with an optional fraction of up to 9 digits and a Z or ±hh:mm offset.</summary>
    public static bool TryParseRfc3339Nano(ReadOnlySpan<char> text, out long unixNanoseconds)
    {
        unixNanoseconds = 0;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second))
        {
            return false;
        }

        var position = 19;
        long fraction = 0;
        if (text[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                if (digits < 9)
                {
                    fraction = (fraction * 10) + (text[position] - '0');
                    digits++;
                }

                position++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 9; digits++)
            {
                fraction *= 10;
            }
        }

        long offsetSeconds;
        var zone = text[position..];
        if (zone is "Z" or "z")
        {
            offsetSeconds = 0;
        }
        else if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
            && TryDigits(zone[1..3], out var offsetHours) && TryDigits(zone[4..6], out var offsetMinutes))
        {
            offsetSeconds = ((offsetHours * 60) + offsetMinutes) * 60 * (zone[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Utc);
        var unixSeconds = (long)(local - DateTime.UnixEpoch).TotalSeconds - offsetSeconds;
        unixNanoseconds = (unixSeconds * NanosecondsPerSecond) + fraction;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
