using System.Globalization;

namespace Wharf.Cli.Commands.Networks;

/// <summary>
/// Go's <c>time.Time.String()</c> of a time the CLI decoded from the API's RFC 3339 text: the time stays in the offset it
/// was written with, the fraction loses its trailing zeros, "Z" becomes "+0000 UTC" and any other offset shows as
/// numbers twice (Go's name for a zone it cannot name). Text Go could not decode is its zero time.
/// </summary>
public static class GoTimeString
{
    private const string ZeroTime = "0001-01-01 00:00:00 +0000 UTC";

    public static string FromRfc3339(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 20 || text[10] != 'T')
        {
            return ZeroTime;
        }

        var index = 19;
        var fraction = "";
        if (text[index] == '.')
        {
            var start = ++index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }

            fraction = text[start..index].TrimEnd('0');
        }

        var zone = text[index..];
        string suffix;
        if (zone == "Z")
        {
            suffix = "+0000 UTC";
        }
        else if (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':')
        {
            var numeric = zone[..3] + zone[4..];
            suffix = numeric is "+0000" or "-0000" ? "+0000 UTC" : numeric + " " + numeric;
        }
        else
        {
            return ZeroTime;
        }

        if (!DateTime.TryParseExact(text[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return ZeroTime;
        }

        return text[..10] + " " + text[11..19] + (fraction.Length > 0 ? "." + fraction : "") + " " + suffix;
    }
}
