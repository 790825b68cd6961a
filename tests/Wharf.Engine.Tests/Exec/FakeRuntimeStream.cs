using System.Threading.Channels;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Exec;

/// <summary>An attached stream the test feeds: output chunks go in through <see cref="Emit"/>, stdin written by the code under test is recorded.</summary>
public sealed class FakeRuntimeStream : IRuntimeStream
{
    private readonly Channel<RuntimeOutput> _output = Channel.CreateUnbounded<RuntimeOutput>();

    public List<byte> Stdin { get; } = [];

    public bool StdinClosed { get; private set; }

    public bool Disposed { get; private set; }

    public void Emit(OutputStream stream, string text) => _output.Writer.TryWrite(new RuntimeOutput(stream, System.Text.Encoding.UTF8.GetBytes(text)));

    public void End() => _output.Writer.TryComplete();

    public async ValueTask<RuntimeOutput?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await _output.Reader.WaitToReadAsync(cancellationToken) && _output.Reader.TryRead(out var chunk))
        {
            return chunk;
        }

        return null;
    }

    public ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        lock (Stdin)
        {
            Stdin.AddRange(data.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CloseStdinAsync(CancellationToken cancellationToken)
    {
        StdinClosed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
