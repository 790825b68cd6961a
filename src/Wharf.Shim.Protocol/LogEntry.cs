namespace Wharf.Shim.Protocol;

/// <summary>
/// One record of a json-file or local log. <paramref name="Line"/> is the text as the process wrote it, with its
/// newline unless the record is a partial piece of a longer line (or the last bytes before the stream ended).
/// </summary>
/// <param name="Source">"stdout" or "stderr".</param>
public sealed record LogEntry(string Source, long TimeUnixNanoseconds, byte[] Line);
