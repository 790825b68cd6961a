using System.Text.Json;

namespace Wharf.Cli.Tests.Containers;

/// <summary>
/// Compares two JSON documents as the daemon reads them: key order is free; everything else must match, except
/// empty values the shared API records always write where Go omits them (listed by the test).
/// </summary>
internal static class JsonDifferences
{
    public static List<string> Find(string expected, string actual, IReadOnlySet<string>? allowedExtras = null)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        var differences = new List<string>();
        Walk(left.RootElement, right.RootElement, "", differences, allowedExtras ?? new HashSet<string>());
        return differences;
    }

    private static void Walk(JsonElement expected, JsonElement actual, string path, List<string> differences, IReadOnlySet<string> allowedExtras)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name)).ToList();
            foreach (var name in names)
            {
                var child = path + "/" + name;
                var inExpected = expected.TryGetProperty(name, out var left);
                var inActual = actual.TryGetProperty(name, out var right);
                if (inExpected && inActual)
                {
                    Walk(left, right, child, differences, allowedExtras);
                }
                else if (inActual && !(allowedExtras.Contains(Generic(child)) && IsEmpty(right)))
                {
                    differences.Add($"only wharf sends {child} = {right.GetRawText()}");
                }
                else if (inExpected)
                {
                    differences.Add($"only docker sends {child} = {left.GetRawText()}");
                }
            }

            return;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array && expected.GetArrayLength() == actual.GetArrayLength())
        {
            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                Walk(expected[i], actual[i], path + "/" + i, differences, allowedExtras);
            }

            return;
        }

        var same = expected.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String
            ? expected.GetString() == actual.GetString()
            : expected.GetRawText() == actual.GetRawText();
        if (!same)
        {
            differences.Add($"{path}: docker {expected.GetRawText()}, wharf {actual.GetRawText()}");
        }
    }

    /// <summary>"/HostConfig/Mounts/2/Source" → "/HostConfig/Mounts/*/Source".</summary>
    private static string Generic(string path) => string.Join('/', path.Split('/').Select(part => part.All(char.IsAsciiDigit) && part.Length > 0 ? "*" : part));

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Null => true,
        _ => false,
    };
}
