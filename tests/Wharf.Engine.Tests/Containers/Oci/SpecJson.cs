using System.Text.Json.Nodes;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Oci;

namespace Wharf.Engine.Tests.Containers.Oci;

/// <summary>Builds a spec and hands it back as JSON to look into, the way runc will read it.</summary>
public static class SpecJson
{
    public static JsonNode Build(ContainerSpecContext context, HostFacts? host = null) =>
        JsonNode.Parse(new ContainerSpecBuilder(host ?? TestHosts.V1).BuildSpec(context))!;

    /// <summary>Compact JSON of <paramref name="node"/>, for comparing with an expected text written out by hand.</summary>
    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>Re-serialises hand-written JSON compactly, so that expected values can be laid out readably.</summary>
    public static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();

    public static List<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(item => item!.GetValue<string>()).ToList() ?? [];

    public static List<string> MountDestinations(JsonNode spec) =>
        spec["mounts"]!.AsArray().Select(mount => mount!["destination"]!.GetValue<string>()).ToList();

    public static JsonNode Mount(JsonNode spec, string destination) =>
        spec["mounts"]!.AsArray().Single(mount => mount!["destination"]!.GetValue<string>() == destination)!;

    public static List<string> SeccompNames(JsonNode spec) =>
        spec["linux"]!["seccomp"]!["syscalls"]!.AsArray().SelectMany(rule => Strings(rule!["names"])).ToList();
}
