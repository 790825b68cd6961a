using System.Text;

namespace Wharf.Cli.Tests.Containers;

/// <summary>One connection of the scripted daemon: the request, and ways to answer it (plainly, or hijacked).</summary>
internal sealed class DaemonExchange
{
    private readonly Stream _stream;

    public DaemonExchange(DaemonRequest request, Stream stream)
    {
        Request = request;
        _stream = stream;
    }

    public DaemonRequest Request { get; }

    public Task RespondAsync(int status, string body = "", string contentType = "application/json") =>
        WriteAsync($"HTTP/1.1 {status} {(status < 300 ? "OK" : "Error")}\r\nApi-Version: 1.50\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    public Task RespondAsync(int status, byte[] body, string contentType)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} OK\r\nApi-Version: 1.50\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n");
        return WriteAsync([.. head, .. body]);
    }

    public Task NoContentAsync() => WriteAsync("HTTP/1.1 204 No Content\r\nApi-Version: 1.50\r\n\r\n");

    /// <summary>The head of a chunked response; chunks follow with <see cref="ChunkAsync"/>.</summary>
    public Task BeginChunkedAsync() => WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");

    public Task ChunkAsync(string text) => WriteAsync($"{Encoding.UTF8.GetByteCount(text):x}\r\n{text}\r\n");

    public Task EndChunkedAsync() => WriteAsync("0\r\n\r\n");

    /// <summary>dockerd's answer to an attach or exec start: 101, then the raw stream on the same connection.</summary>
    public Task UpgradeAsync() => WriteAsync("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Reads what the client sends on a hijacked connection until it half-closes.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        using var buffer = new MemoryStream();
        await _stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
