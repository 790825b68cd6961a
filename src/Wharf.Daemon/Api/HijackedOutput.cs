using Wharf.Daemon.Http;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Api;

/// <summary>Output to a hijacked connection: one write per chunk, framed with stdcopy unless the stream is raw (TTY).</summary>
internal sealed class HijackedOutput : IDisposable
{
    private readonly Stream _connection;
    private readonly bool _multiplexed;
    private readonly PooledBufferWriter _buffer = new(16 * 1024);
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public HijackedOutput(Stream connection, bool multiplexed)
    {
        _connection = connection;
        _multiplexed = multiplexed;
    }

    public ValueTask WriteAsync(OutputStream stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        WriteAsync(stream == OutputStream.Stderr ? StdCopy.Stderr : StdCopy.Stdout, data, cancellationToken);

    public async ValueTask WriteAsync(byte stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _buffer.Clear();
            StdCopy.Append(_buffer, _multiplexed, stream, data.Span);
            if (_buffer.WrittenCount == 0)
            {
                return;
            }

            await _connection.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A message for the client in the stdout stream, as dockerd writes its late errors ("Error attaching: …").</summary>
    public ValueTask WriteMessageAsync(string message, CancellationToken cancellationToken) =>
        WriteAsync(StdCopy.Stdout, System.Text.Encoding.UTF8.GetBytes(message), cancellationToken);

    public void Dispose()
    {
        _buffer.Dispose();
        _writeLock.Dispose();
    }
}
