using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Templates.Execution;

namespace Wharf.Templates.Formatting;

/// <summary>
/// The docker template <c>json</c> function: Go's json.Encoder with SetEscapeHTML(false), trailing newline trimmed.
/// Strings are escaped exactly as Go does (so output matches docker byte for byte), which Utf8JsonWriter does not.
/// </summary>
internal static class GoJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case IJsonWritable writable:
                WriteElement(builder, RenderWritable(writable), escapeHtml: writable is IHtmlEscapedJson);
                return;
            case JsonElement element:
                WriteElement(builder, element);
                return;
            case JsonObject or JsonArray:
                WriteElement(builder, RenderNode((JsonNode)value));
                return;
        }

        value = Values.Normalize(value);
        switch (value)
        {
            case null or NoValue:
                builder.Append("null");
                return;
            case string s:
                WriteString(builder, s);
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case long l:
                builder.Append(l);
                return;
            case ulong u:
                builder.Append(u);
                return;
            case double d:
                builder.Append(double.IsFinite(d) ? GoNumber.FormatJson(d) : "null");
                return;
            case DateTime or DateTimeOffset:
                WriteString(builder, GoFormat.FormatTimeRfc3339(value));
                return;
            case TimeSpan span:
                builder.Append(span.Ticks * 100);
                return;
            case JsonElement element:
                WriteElement(builder, element);
                return;
        }

        if (MapView.TryCreate(value, out var map))
        {
            builder.Append('{');
            var first = true;
            foreach (var entry in map.SortedEntries())
            {
                if (!first)
                {
                    builder.Append(',');
                }

                first = false;
                WriteString(builder, GoFormat.ToText(entry.Key));
                builder.Append(':');
                Write(builder, entry.Value);
            }

            builder.Append('}');
            return;
        }

        if (ListView.TryCreate(value, out var list))
        {
            builder.Append('[');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                Write(builder, list[i]);
            }

            builder.Append(']');
            return;
        }

        // A struct-like object that can't describe itself: Go would marshal its exported fields; we only know its text.
        WriteString(builder, value.ToString() ?? string.Empty);
    }

    private static JsonElement RenderWritable(IJsonWritable writable)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writable.WriteJson(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static JsonElement RenderNode(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>JSON elements keep their property order, as a Go struct marshals in field order.</summary>
    private static void WriteElement(StringBuilder builder, JsonElement element, bool escapeHtml = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, property.Name, escapeHtml);
                    builder.Append(':');
                    WriteElement(builder, property.Value, escapeHtml);
                }

                builder.Append('}');
                return;
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        builder.Append(',');
                    }

                    WriteElement(builder, item, escapeHtml);
                }

                builder.Append(']');
                return;
            case JsonValueKind.String:
                WriteString(builder, element.GetString() ?? string.Empty, escapeHtml);
                return;
            case JsonValueKind.Number:
                // Integers keep their text; anything else is a float64 to Go, re-encoded in its shortest form.
                var raw = element.GetRawText();
                builder.Append(element.TryGetInt64(out _) || element.TryGetUInt64(out _) ? raw : GoNumber.FormatJson(element.GetDouble()));
                return;
            case JsonValueKind.True:
                builder.Append("true");
                return;
            case JsonValueKind.False:
                builder.Append("false");
                return;
            default:
                builder.Append("null");
                return;
        }
    }

    /// <summary>encoding/json string escaping, HTML escaping off unless asked for (json.Marshal has it on).</summary>
    public static void WriteString(StringBuilder builder, string text, bool escapeHtml = false)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '<' or '>' or '&' when escapeHtml: builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                case '\u2028': builder.Append("\\u2028"); break;
                case '\u2029': builder.Append("\\u2029"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append("\\ufffd");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
