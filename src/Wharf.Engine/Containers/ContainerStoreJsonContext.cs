using System.Text.Json.Serialization;

namespace Wharf.Engine.Containers;

/// <summary>Source-generated serialisation of the stored container records.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(ContainerRecord))]
internal sealed partial class ContainerStoreJsonContext : JsonSerializerContext;
