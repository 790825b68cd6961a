using System.Globalization;
using System.Text;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Go's <c>%q</c> for the strings in dockerd's messages, so clients that match on them see the same text.</summary>
public static class GoQuote
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < 0x20 or 0x7F: text.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"); break;
                default: text.Append(rune.ToString()); break;
            }
        }

        return text.Append('"').ToString();
    }
}
