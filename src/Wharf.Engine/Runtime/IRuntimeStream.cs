namespace Wharf.Engine.Runtime;

/// <summary>An attached stdio stream of a container or exec: output chunks as the process writes them, stdin the other way.</summary>
public interface IRuntimeStream : IAsyncDisposable
{
    /// <summary>The next chunk of output, or null once the process's output has ended (or the shim went away).</summary>
    ValueTask<RuntimeOutput?> ReadAsync(CancellationToken cancellationToken);

    ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>The client closed its stdin; with StdinOnce the process's stdin is closed (EOF) too.</summary>
    ValueTask CloseStdinAsync(CancellationToken cancellationToken);
}
