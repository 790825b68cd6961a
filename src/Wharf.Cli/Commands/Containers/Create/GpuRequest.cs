using System.Globalization;
using System.Text.Json;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>docker's GpuOpts: <c>--gpus all</c>, <c>--gpus 2</c>, <c>--gpus device=0,1</c> into a HostConfig DeviceRequest.</summary>
public static class GpuRequest
{
    public static JsonElement Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var driver = "";
        var count = 0;
        List<string>? deviceIds = null;
        List<string>? capabilities = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in CsvFields.Split(value))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = equals >= 0 ? field[..equals] : field;
            if (!seen.Add(key))
            {
                throw new FormatException($"gpu request key '{key}' can be specified only once");
            }

            if (equals < 0)
            {
                seen.Add("count");
                count = ParseCount(key);
                continue;
            }

            var val = field[(equals + 1)..];
            switch (key)
            {
                case "driver":
                    driver = val;
                    break;
                case "count":
                    count = ParseCount(val);
                    break;
                case "device":
                    deviceIds = [.. val.Split(',')];
                    break;
                case "capabilities":
                    capabilities = [.. val.Split(','), "gpu"];
                    break;
                case "options":
                    foreach (var option in CsvFields.Split(val))
                    {
                        var optionEquals = option.IndexOf('=', StringComparison.Ordinal);
                        options[optionEquals >= 0 ? option[..optionEquals] : option] = optionEquals >= 0 ? option[(optionEquals + 1)..] : "";
                    }

                    break;
                default:
                    throw new FormatException($"unexpected key '{key}' in '{field}'");
            }
        }

        if (!seen.Contains("count") && deviceIds is null)
        {
            count = 1;
        }

        return JsonObject.Build(writer =>
        {
            writer.WriteString("Driver", driver);
            writer.WriteNumber("Count", count);
            writer.WritePropertyName("DeviceIDs");
            WriteStrings(writer, deviceIds);
            writer.WriteStartArray("Capabilities");
            WriteStrings(writer, capabilities ?? ["gpu"]);
            writer.WriteEndArray();
            writer.WriteStartObject("Options");
            foreach (var (key, val) in options.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, val);
            }

            writer.WriteEndObject();
        });
    }

    private static int ParseCount(string text)
    {
        if (text == "all")
        {
            return -1;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new FormatException($"count must be an integer: strconv.Atoi: parsing {GoParse.Quote(text)}: invalid syntax");
    }

    private static void WriteStrings(Utf8JsonWriter writer, List<string>? values)
    {
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
