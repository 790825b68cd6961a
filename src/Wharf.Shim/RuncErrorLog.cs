using System.Text.Json;

namespace Wharf.Shim;

/// <summary>runc's <c>--log-format json</c> file: one <c>{"level":…,"msg":…,"time":…}</c> object per line.</summary>
internal static class RuncErrorLog
{
    /// <summary>The message of the last error-level line, or null.</summary>
    public static string? LastError(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return null;
        }

        string? last = null;
        foreach (var range in content.AsSpan().Split((byte)'\n'))
        {
            var line = content.AsSpan()[range];
            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                var reader = new Utf8JsonReader(line);
                string? level = null;
                string? message = null;
                while (reader.Read())
                {
                    if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                    {
                        continue;
                    }

                    var isLevel = reader.ValueTextEquals("level"u8);
                    var isMessage = reader.ValueTextEquals("msg"u8);
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                        continue;
                    }

                    if (isLevel)
                    {
                        level = reader.GetString();
                    }
                    else if (isMessage)
                    {
                        message = reader.GetString();
                    }
                }

                if (level is "error" or "fatal" && message is not null)
                {
                    last = message;
                }
            }
            catch (JsonException)
            {
                // Not a JSON line (runc prints a few plain ones); skip it.
            }
        }

        return last;
    }
}
