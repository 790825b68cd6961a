namespace Wharf.Engine.Runtime;

/// <summary>One log line as written (with its trailing newline, if it had one) and when the shim read it.</summary>
public sealed record LogRecord(OutputStream Stream, DateTimeOffset Time, ReadOnlyMemory<byte> Line);
