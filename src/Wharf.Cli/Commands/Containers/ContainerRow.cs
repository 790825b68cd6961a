using System.Text.Json;
using Wharf.Cli.Formatting;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// A row of <c>wharf ps</c> for templates: docker's ContainerContext fields, plus its <c>Label "name"</c> method.
/// It can also record which fields a template reads (docker asks for sizes only when <c>.Size</c> is used).
/// </summary>
public sealed class ContainerRow : ITemplateObject, ITemplateMethods, IHtmlEscapedJson
{
    private readonly FieldRow _fields;
    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly HashSet<string>? _used;

    public ContainerRow(FieldRow fields, IReadOnlyDictionary<string, string> labels, HashSet<string>? usedFields = null)
    {
        _fields = fields;
        _labels = labels;
        _used = usedFields;
    }

    public bool TryGetField(string name, out object? value)
    {
        _used?.Add(name);
        return _fields.TryGetField(name, out value);
    }

    public bool TryInvoke(string name, IReadOnlyList<object?> args, out object? result)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (name == "Label" && args.Count == 1)
        {
            _used?.Add(name);
            result = args[0] is string key && _labels.TryGetValue(key, out var value) ? value : "";
            return true;
        }

        result = null;
        return false;
    }

    public void WriteJson(Utf8JsonWriter writer) => _fields.WriteJson(writer);
}
