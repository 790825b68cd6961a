namespace Wharf.Engine.Runtime;

/// <summary>
/// A container's log driver and where it writes: <c>json-file</c> (Docker's format and layout:
/// <c>&lt;data-root&gt;/containers/&lt;id&gt;/&lt;id&gt;-json.log</c>, rotated to <c>.1</c>, <c>.2</c> … by
/// <c>max-size</c>/<c>max-file</c>), <c>local</c> (<c>&lt;data-root&gt;/containers/&lt;id&gt;/local-logs/container.log</c>) or <c>none</c>.
/// </summary>
/// <param name="Path">The current log file; ignored for <c>none</c>.</param>
/// <param name="Options">The <c>--log-opt</c> pairs (max-size, max-file, …), already validated by the engine.</param>
public sealed record LogSpec(string Driver, string Path, IReadOnlyDictionary<string, string> Options);
