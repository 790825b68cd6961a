using System.Text.Json.Serialization;

namespace Wharf.Shim.Protocol;

/// <summary>Source-generated JSON for everything wharfd and the shim exchange (no reflection; NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    WriteIndented = false)]
[JsonSerializable(typeof(ShimRequest))]
[JsonSerializable(typeof(ShimResponse))]
[JsonSerializable(typeof(ShimExitRecord))]
public sealed partial class ShimJsonContext : JsonSerializerContext;
