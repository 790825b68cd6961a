using System.Text;
using System.Text.Json;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// docker/cli's parseSecurityOpts and parseSystemPaths: <c>seccomp=FILE</c> is read here and sent as its (compacted)
/// content, as docker does; <c>systempaths=unconfined</c> becomes empty MaskedPaths/ReadonlyPaths and is not sent.
/// </summary>
public static class SecurityOptions
{
    public static (List<string>? Options, List<string>? MaskedPaths, List<string>? ReadonlyPaths) Parse(IReadOnlyList<string> options, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            return (null, null, null);
        }

        var result = new List<string>();
        List<string>? masked = null;
        List<string>? readOnly = null;
        foreach (var option in options)
        {
            var separator = option.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0 && option != "no-new-privileges")
            {
                separator = option.IndexOf(':', StringComparison.Ordinal);
            }

            var key = separator >= 0 ? option[..separator] : option;
            var value = separator >= 0 ? option[(separator + 1)..] : "";
            if ((separator < 0 || value.Length == 0) && key != "no-new-privileges")
            {
                throw new FormatException($"Invalid --security-opt: {GoParse.Quote(option)}");
            }

            if (option == "systempaths=unconfined")
            {
                masked = [];
                readOnly = [];
                continue;
            }

            result.Add(key == "seccomp" && value is not ("builtin" or "unconfined") ? "seccomp=" + ReadProfile(value, workingDirectory) : option);
        }

        return (result, masked, readOnly);
    }

    private static string ReadProfile(string path, string workingDirectory)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(workingDirectory, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            throw new FormatException($"opening seccomp profile ({path}) failed: open {path}: {reason}");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"compacting json for seccomp profile ({path}) failed: {ex.Message}");
        }

        return Compact(text);
    }

    /// <summary>Go's json.Compact: insignificant whitespace goes, everything else (key order, escapes) stays.</summary>
    private static string Compact(string json)
    {
        var builder = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (c is not (' ' or '\t' or '\n' or '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
