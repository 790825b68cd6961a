using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wharf.Shim.Protocol;

/// <summary>A protocol message as the bytes of one JSON line.</summary>
public static class ShimJson
{
    public static byte[] ToLine<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }
}
