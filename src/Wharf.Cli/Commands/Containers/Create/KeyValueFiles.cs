using System.Text;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// docker's opts.ReadKVEnvStrings/ReadKVStrings: <c>--env-file</c>/<c>--label-file</c> lines first, then the flag
/// values. A line without "=" takes the CLI's own variable for env files and is dropped for label files.
/// </summary>
public static class KeyValueFiles
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary><paramref name="lookup"/> resolves bare names (env files); null drops them (label files).</summary>
    public static List<string> Read(IEnumerable<string> files, IEnumerable<string> overrides, Func<string, string?>? lookup, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(overrides);
        var lines = new List<string>();
        foreach (var file in files)
        {
            lines.AddRange(ParseFile(file, Path.Combine(workingDirectory, file), lookup));
        }

        lines.AddRange(overrides);
        return lines;
    }

    /// <param name="path">The path as given, for messages.</param>
    /// <param name="fullPath">Where to read it.</param>
    private static List<string> ParseFile(string path, string fullPath, Func<string, string?>? lookup)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"open {path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : ex is UnauthorizedAccessException ? "permission denied" : ex.Message)}");
        }

        var text = content.AsSpan().StartsWith(Utf8Bom) ? content.AsSpan(Utf8Bom.Length) : content.AsSpan();
        var lines = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in SplitLines(text))
        {
            lineNumber++;
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(rawLine);
            }
            catch (DecoderFallbackException)
            {
                throw new FormatException($"env file {path} contains invalid utf8 bytes at line {lineNumber}");
            }

            var line = decoded.TrimStart();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var variable = equals >= 0 ? line[..equals] : line;
            if (variable.Length == 0)
            {
                throw new FormatException($"invalid env file ({path}): no variable name on line '{line}'");
            }

            if (variable.AsSpan().IndexOfAny(" \t") >= 0)
            {
                throw new FormatException($"invalid env file ({path}): variable '{variable}' contains whitespaces");
            }

            if (equals >= 0)
            {
                lines.Add(line);
            }
            else if (lookup?.Invoke(line) is { } value)
            {
                lines.Add(variable.Trim() + "=" + value);
            }
        }

        return lines;
    }

    /// <summary>bufio.ScanLines: split on \n, drop a trailing \r, no empty last line.</summary>
    private static List<byte[]> SplitLines(ReadOnlySpan<byte> text)
    {
        var lines = new List<byte[]>();
        while (text.Length > 0)
        {
            var newline = text.IndexOf((byte)'\n');
            var line = newline >= 0 ? text[..newline] : text;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            lines.Add(line.ToArray());
            text = newline >= 0 ? text[(newline + 1)..] : [];
        }

        return lines;
    }
}
