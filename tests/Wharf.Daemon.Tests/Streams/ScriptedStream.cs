using System.Threading.Channels;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>An attached process stream the test scripts: output goes in with <see cref="Emit"/>, stdin from the route is recorded.</summary>
internal sealed class ScriptedStream : IRuntimeStream
{
    private readonly Channel<RuntimeOutput> _output = Channel.CreateUnbounded<RuntimeOutput>();
    private readonly TaskCompletionSource _stdinClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<byte> _stdin = [];
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StdinClosed => _stdinClosed.Task;

    public Task Disposed => _disposed.Task;

    public string StdinText
    {
        get
        {
            lock (_stdin)
            {
                return System.Text.Encoding.UTF8.GetString([.. _stdin]);
            }
        }
    }

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
        lock (_stdin)
        {
            _stdin.AddRange(data.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CloseStdinAsync(CancellationToken cancellationToken)
    {
        _stdinClosed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until the route has written at least <paramref name="text"/> to stdin.</summary>
    public async Task WaitForStdinAsync(string text)
    {
        var limit = DateTime.UtcNow.AddSeconds(20);
        while (!StdinText.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < limit, "stdin never got: " + text + "; got: " + StdinText);
            await Task.Delay(5);
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
