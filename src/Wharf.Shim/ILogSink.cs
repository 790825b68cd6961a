using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>Where the copier puts complete log lines (and pieces of long ones).</summary>
internal interface ILogSink
{
    /// <summary>Buffers one record; <paramref name="line"/> has no newline.</summary>
    void Write(string source, long timeUnixNanoseconds, ReadOnlySpan<byte> line, PartialLogInfo? partial);

    /// <summary>Writes what is buffered to the file (once per chunk read from the process).</summary>
    void Flush();
}
