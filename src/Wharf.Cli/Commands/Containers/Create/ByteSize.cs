using System.Globalization;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>go-units RAMInBytes, the parser behind docker's <c>bytes</c> flags (<c>-m 64m</c>, <c>--shm-size 1g</c>): binary multiples.</summary>
public static class ByteSize
{
    /// <summary>Throws <see cref="FormatException"/> with go-units' message ("invalid size: 'x'", "invalid suffix: 'bb'").</summary>
    public static long ParseRam(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.LastIndexOfAny("01234567890. ".ToCharArray());
        if (separator < 0)
        {
            throw new FormatException($"invalid size: '{text}'");
        }

        string number;
        string suffix;
        if (text[separator] != ' ')
        {
            number = text[..(separator + 1)];
            suffix = text[(separator + 1)..];
        }
        else
        {
            number = text[..separator];
            suffix = text[(separator + 1)..];
        }

        if (!TryParseGoFloat(number, out var size))
        {
            throw new FormatException($"strconv.ParseFloat: parsing {GoParse.Quote(number)}: invalid syntax");
        }

        if (size < 0)
        {
            throw new FormatException($"invalid size: '{text}'");
        }

        if (suffix.Length == 0)
        {
            return (long)size;
        }

        var lower = suffix.ToLowerInvariant();
        if (suffix.Length > 3)
        {
            throw BadSuffix(lower);
        }

        if (lower[0] == 'b')
        {
            return lower.Length == 1 ? (long)size : throw BadSuffix(lower);
        }

        var multiplier = lower[0] switch
        {
            'k' => 1L << 10,
            'm' => 1L << 20,
            'g' => 1L << 30,
            't' => 1L << 40,
            'p' => 1L << 50,
            _ => throw BadSuffix(lower),
        };

        if ((lower.Length == 2 && lower[1] != 'b') || (lower.Length == 3 && lower[1..] != "ib"))
        {
            throw BadSuffix(lower);
        }

        return (long)(size * multiplier);
    }

    /// <summary>docker's MemSwapBytes: "-1" means unlimited, anything else is a RAM size.</summary>
    public static long ParseSwap(string text) => text == "-1" ? -1 : ParseRam(text);

    /// <summary>A validator for <c>bytes</c> flags: null when fine, else the go-units message.</summary>
    public static string? ValidateRam(string text) => Check(() => ParseRam(text));

    public static string? ValidateSwap(string text) => Check(() => ParseSwap(text));

    private static string? Check(Func<long> parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static FormatException BadSuffix(string suffix) => new($"invalid suffix: '{suffix}'");

    /// <summary>strconv.ParseFloat for plain decimals (digits, one dot, optional sign).</summary>
    private static bool TryParseGoFloat(string text, out double value)
    {
        value = 0;
        if (text.Length == 0 || text.Count(c => c == '.') > 1 || text.IndexOfAny(['e', 'E', ',', ' ']) >= 0)
        {
            return false;
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
