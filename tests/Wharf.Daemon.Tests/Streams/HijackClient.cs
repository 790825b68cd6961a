using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Wharf.Daemon.Tests.Http;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>A raw client for hijacked endpoints: sends a request, reads the head, then bytes or stdcopy frames; can half-close.</summary>
internal sealed class HijackClient : IDisposable
{
    private readonly RawConnection _connection;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];

    public HijackClient(RawConnection connection)
    {
        _connection = connection;
        _stream = new NetworkStream(connection.Socket, ownsSocket: false);
    }

    public async Task<string> RequestAsync(string method, string target, string? jsonBody = null, bool upgrade = true)
    {
        var body = jsonBody ?? "";
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\nHost: api\r\n");
        if (upgrade)
        {
            head.Append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }

        if (jsonBody is not null)
        {
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n");
        }

        head.Append("\r\n").Append(body);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
        return await ReadHeadAsync();
    }

    public async Task SendAsync(byte[] data) => await _stream.WriteAsync(data);

    public void CloseWrite() => _connection.Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Everything until the server closes the connection.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[4096];
        while (true)
        {
            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                var all = _pending.ToArray();
                _pending.Clear();
                return all;
            }

            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    /// <summary>The next stdcopy frame: (stream type, payload).</summary>
    public async Task<(byte Stream, string Text)> ReadFrameAsync()
    {
        await FillAsync(8);
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(_pending.GetRange(4, 4).ToArray());
        var stream = _pending[0];
        Assert.Equal(new byte[] { 0, 0, 0 }, _pending.GetRange(1, 3).ToArray());
        await FillAsync(8 + length);
        var text = Encoding.UTF8.GetString(_pending.GetRange(8, length).ToArray());
        _pending.RemoveRange(0, 8 + length);
        return (stream, text);
    }

    /// <summary>Raw bytes until <paramref name="text"/> was seen.</summary>
    public async Task<string> ReadUntilAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[4096];
        while (true)
        {
            var all = Encoding.UTF8.GetString([.. _pending]);
            var index = all.IndexOf(text, StringComparison.Ordinal);
            if (index >= 0)
            {
                var taken = Encoding.UTF8.GetByteCount(all[..(index + text.Length)]);
                _pending.RemoveRange(0, taken);
                return all[..(index + text.Length)];
            }

            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("closed before " + text + "; got " + all);
            }

            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _connection.Dispose();
    }

    private async Task<string> ReadHeadAsync() => await ReadUntilAsync("\r\n\r\n");

    private async Task FillAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[4096];
        while (_pending.Count < count)
        {
            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException($"closed after {_pending.Count} of {count} bytes");
            }

            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }
}
