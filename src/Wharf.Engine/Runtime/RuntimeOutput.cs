namespace Wharf.Engine.Runtime;

/// <summary>A chunk of a process's output. With a TTY everything is <see cref="OutputStream.Stdout"/>.</summary>
public sealed record RuntimeOutput(OutputStream Stream, ReadOnlyMemory<byte> Data);
