using System.Text.Json.Serialization;

namespace Wharf.Engine.Networking.Service;

/// <summary>Source-generated serialisation of the stored network records.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(StoredNetwork))]
internal sealed partial class NetworkStoreJsonContext : JsonSerializerContext;
