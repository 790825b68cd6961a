using System.Globalization;
using System.Numerics;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>docker's NanoCPUs option (<c>--cpus 1.5</c> → 1500000000), parsed exactly like Go's big.Rat.</summary>
public static class NanoCpus
{
    /// <summary>Throws <see cref="FormatException"/> with docker's messages.</summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseRational(text, out var numerator, out var denominator))
        {
            throw new FormatException($"failed to parse {text} as a rational number");
        }

        var scaled = numerator * 1_000_000_000;
        if (scaled % denominator != 0)
        {
            throw new FormatException("value is too precise");
        }

        return (long)(scaled / denominator);
    }

    public static string? Validate(string text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>big.Rat.SetString for "a/b" and decimal ("1.5", "-2", "3e2") forms.</summary>
    private static bool TryParseRational(string text, out BigInteger numerator, out BigInteger denominator)
    {
        numerator = BigInteger.Zero;
        denominator = BigInteger.One;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!BigInteger.TryParse(text[..slash], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numerator)
                || !BigInteger.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out denominator)
                || denominator.IsZero)
            {
                return false;
            }

            return true;
        }

        var mantissa = text;
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            mantissa = text[..e];
        }

        var negative = mantissa.StartsWith('-');
        if (negative || mantissa.StartsWith('+'))
        {
            mantissa = mantissa[1..];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        numerator = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        exponent -= dot >= 0 ? mantissa.Length - dot - 1 : 0;
        if (exponent >= 0)
        {
            numerator *= BigInteger.Pow(10, exponent);
        }
        else
        {
            denominator = BigInteger.Pow(10, -exponent);
        }

        if (negative)
        {
            numerator = -numerator;
        }

        return true;
    }
}
