using System.Text.Json.Serialization;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// Source-generated JSON for the OCI spec and Docker's seccomp profiles. Names are camelCase as in both formats;
/// reading is case-insensitive like Go's encoding/json, so profiles written for Docker load unchanged.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    WriteIndented = false)]
[JsonSerializable(typeof(OciSpec))]
[JsonSerializable(typeof(OciProcess))]
[JsonSerializable(typeof(OciResources))]
[JsonSerializable(typeof(DockerSeccompProfile))]
internal sealed partial class OciJsonContext : JsonSerializerContext;
