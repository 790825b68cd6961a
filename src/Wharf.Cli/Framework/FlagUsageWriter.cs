using System.Text;

namespace Wharf.Cli.Framework;

/// <summary>A port of pflag's FlagUsagesWrapped: the aligned, word-wrapped flag table of help output.</summary>
public static class FlagUsageWriter
{
    public static string Render(IEnumerable<FlagDefinition> flags, int columns)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var lines = new List<(string Head, string Usage)>();
        var maxLength = 0;
        foreach (var flag in flags.Where(f => !f.Hidden).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var head = flag.Shorthand is { } s ? $"  -{s}, --{flag.Name}" : $"      --{flag.Name}";
            if (flag.DisplayType.Length > 0)
            {
                head += " " + flag.DisplayType;
            }

            // pflag counts the NUL placeholder it appends, hence the +1.
            maxLength = Math.Max(maxLength, head.Length + 1);
            var usage = flag.Usage;
            if (!string.IsNullOrEmpty(flag.DefaultValue))
            {
                // pflag quotes only string-typed defaults: (default "missing") but (default -1), (default 0s).
                usage += flag.DisplayType == "string" ? $" (default \"{flag.DefaultValue}\")" : $" (default {flag.DefaultValue})";
            }

            lines.Add((head, usage));
        }

        var builder = new StringBuilder();
        foreach (var (head, usage) in lines)
        {
            builder.Append(head).Append(' ').Append(' ', maxLength - head.Length).Append(' ');
            builder.Append(Wrap(maxLength + 2, columns, usage)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>pflag's wrap: indent continuation lines by <paramref name="indent"/>, wrap at <paramref name="width"/>.</summary>
    internal static string Wrap(int indent, int width, string text)
    {
        if (width == 0)
        {
            return text.Replace("\n", "\n" + new string(' ', indent), StringComparison.Ordinal);
        }

        var wrap = width - indent;
        var result = new StringBuilder();
        if (wrap < 24)
        {
            indent = 16;
            wrap = width - indent;
            result.Append('\n').Append(' ', indent);
        }

        if (wrap < 24)
        {
            return text.Replace("\n", result.ToString(), StringComparison.Ordinal);
        }

        const int slop = 5;
        wrap -= slop;
        var padding = "\n" + new string(' ', indent);
        var (line, rest) = WrapN(wrap, slop, text);
        result.Append(line.Replace("\n", padding, StringComparison.Ordinal));
        while (rest.Length > 0)
        {
            (line, rest) = WrapN(wrap, slop, rest);
            result.Append(padding).Append(line.Replace("\n", padding, StringComparison.Ordinal));
        }

        return result.ToString();
    }

    private static (string Line, string Remainder) WrapN(int width, int slop, string text)
    {
        if (width + slop > text.Length)
        {
            return (text, "");
        }

        var head = text[..width];
        var space = head.LastIndexOfAny([' ', '\t', '\n']);
        if (space <= 0)
        {
            return (text, "");
        }

        var newline = head.LastIndexOf('\n');
        if (newline > 0 && newline < space)
        {
            return (text[..newline], text[(newline + 1)..]);
        }

        return (text[..space], text[(space + 1)..]);
    }
}
