using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Containers;

/// <summary>An attach stream with no output.</summary>
public sealed class FakeStream : IRuntimeStream
{
    public ValueTask<RuntimeOutput?> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult<RuntimeOutput?>(null);

    public ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask CloseStdinAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
