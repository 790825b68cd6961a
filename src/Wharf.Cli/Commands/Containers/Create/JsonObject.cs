using System.Text.Json;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// Builds the small nested API objects the records carry as raw JSON (mount options, device requests): the Go structs
/// behind them omit empty fields, and writing them by hand keeps them exactly that small, without reflection.
/// </summary>
public static class JsonObject
{
    public static JsonElement Build(Action<Utf8JsonWriter> writeProperties)
    {
        ArgumentNullException.ThrowIfNull(writeProperties);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
