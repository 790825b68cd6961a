using System.Text.Json;
using Wharf.Templates;

namespace Wharf.Cli.Formatting;

/// <summary>
/// A row of string-valued fields for <c>--format</c> output: what docker's formatter "contexts" expose as methods.
/// <c>{{json .}}</c> writes the fields with sorted keys, as docker's formatter.MarshalJSON does.
/// </summary>
public sealed class FieldRow : ITemplateObject, IHtmlEscapedJson
{
    private readonly Dictionary<string, object?> _fields = new(StringComparer.Ordinal);

    public FieldRow Set(string name, object? value)
    {
        _fields[name] = value;
        return this;
    }

    public bool TryGetField(string name, out object? value) => _fields.TryGetValue(name, out value);

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var name in _fields.Keys.Order(StringComparer.Ordinal))
        {
            switch (_fields[name])
            {
                case string text:
                    writer.WriteString(name, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case long number:
                    writer.WriteNumber(name, number);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case IJsonWritable nested:
                    writer.WritePropertyName(name);
                    nested.WriteJson(writer);
                    break;
                case null:
                    writer.WriteNull(name);
                    break;
                case var other:
                    writer.WriteString(name, other.ToString());
                    break;
            }
        }

        writer.WriteEndObject();
    }
}
