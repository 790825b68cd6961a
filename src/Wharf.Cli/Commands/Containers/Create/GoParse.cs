using System.Globalization;
using System.Numerics;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// Go's strconv.ParseInt/ParseUint (base 0: <c>0x</c>, <c>0o</c>, <c>0b</c> and leading-zero octal prefixes) and
/// time.ParseDuration, with Go's error texts, which pflag puts in its "invalid argument" messages.
/// </summary>
public static class GoParse
{
    /// <summary>Parses like <c>strconv.ParseInt(text, 0, bits)</c>; throws <see cref="FormatException"/> with Go's message.</summary>
    public static long ParseInt(string text, int bits = 64)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseMagnitude(text, allowSign: true, out var negative, out var magnitude))
        {
            throw new FormatException($"strconv.ParseInt: parsing {Quote(text)}: invalid syntax");
        }

        var limit = BigInteger.One << (bits - 1);
        var value = negative ? -magnitude : magnitude;
        if (value >= limit || value < -limit)
        {
            throw new FormatException($"strconv.ParseInt: parsing {Quote(text)}: value out of range");
        }

        return (long)value;
    }

    /// <summary>Parses like <c>strconv.ParseUint(text, 0, bits)</c>.</summary>
    public static ulong ParseUint(string text, int bits = 64)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseMagnitude(text, allowSign: false, out _, out var magnitude))
        {
            throw new FormatException($"strconv.ParseUint: parsing {Quote(text)}: invalid syntax");
        }

        if (magnitude >= BigInteger.One << bits)
        {
            throw new FormatException($"strconv.ParseUint: parsing {Quote(text)}: value out of range");
        }

        return (ulong)magnitude;
    }

    /// <summary>Base-10 only, as <c>strconv.ParseUint(text, 10, bits)</c> (ports, weights).</summary>
    public static bool TryParseDecimalUint(string text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var parsed = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed >= BigInteger.One << bits)
        {
            return false;
        }

        value = (ulong)parsed;
        return true;
    }

    /// <summary>Go's strconv error for a base-10 unsigned parse, e.g. <c>strconv.ParseUint: parsing "abc": invalid syntax</c>.</summary>
    public static string DecimalUintError(string text, int bits) =>
        text.Length > 0 && text.All(char.IsAsciiDigit)
            ? $"strconv.ParseUint: parsing {Quote(text)}: value out of range"
            : $"strconv.ParseUint: parsing {Quote(text)}: invalid syntax";

    /// <summary>time.ParseDuration with Go's messages ("time: missing unit in duration \"5\"").</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Wharf.Api.Time.GoDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        var body = text.TrimStart('-', '+');
        var index = 0;
        while (index < body.Length)
        {
            var start = index;
            while (index < body.Length && (char.IsAsciiDigit(body[index]) || body[index] == '.'))
            {
                index++;
            }

            if (index == start)
            {
                break;
            }

            var unitStart = index;
            while (index < body.Length && !char.IsAsciiDigit(body[index]) && body[index] != '.')
            {
                index++;
            }

            if (unitStart == index)
            {
                throw new FormatException($"time: missing unit in duration {Quote(text)}");
            }

            var unit = body[unitStart..index];
            if (unit is not ("ns" or "us" or "µs" or "μs" or "ms" or "s" or "m" or "h"))
            {
                throw new FormatException($"time: unknown unit {Quote(unit)} in duration {Quote(text)}");
            }
        }

        throw new FormatException($"time: invalid duration {Quote(text)}");
    }

    /// <summary>Go's <c>%q</c> for the plain ASCII the CLI sees; enough for error messages.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private static bool TryParseMagnitude(string text, bool allowSign, out bool negative, out BigInteger magnitude)
    {
        negative = false;
        magnitude = BigInteger.Zero;
        var s = text;
        if (allowSign && s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        var radix = 10;
        if (s.Length > 1 && s[0] == '0')
        {
            switch (char.ToLowerInvariant(s[1]))
            {
                case 'x':
                    radix = 16;
                    s = s[2..];
                    break;
                case 'o':
                    radix = 8;
                    s = s[2..];
                    break;
                case 'b':
                    radix = 2;
                    s = s[2..];
                    break;
                default:
                    radix = 8;
                    s = s[1..];
                    break;
            }
        }

        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }

            magnitude = (magnitude * radix) + digit;
        }

        return true;
    }
}
