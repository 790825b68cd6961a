namespace Wharf.Templates;

/// <summary>
/// A value whose JSON Go writes with <c>json.Marshal</c> (docker's formatter contexts implement MarshalJSON that way),
/// so <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> come out as <c>\u003c</c>, <c>\u003e</c>, <c>\u0026</c> even under the
/// template <c>json</c> function, which otherwise leaves HTML characters alone.
/// </summary>
public interface IHtmlEscapedJson : IJsonWritable;
