using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Wharf.Client;

/// <summary>
/// moby's stdcopy.StdCopy: splits a multiplexed stream (attach/logs/exec without a TTY) into stdout and stderr.
/// Each frame is an 8-byte header (stream type, three zero bytes, big-endian payload length) and the payload;
/// type 0 (stdin) goes to stdout, 3 is an error the daemon reports in the stream.
/// </summary>
public static class StdCopy
{
    private const int HeaderLength = 8;
    private const byte StdinStream = 0;
    private const byte StdoutStream = 1;
    private const byte StderrStream = 2;
    private const byte SystemErrorStream = 3;

    /// <summary>Copies until the source ends; returns the payload bytes written. A null destination discards its stream.</summary>
    public static async Task<long> CopyAsync(Stream source, Stream? stdout, Stream? stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var header = new byte[HeaderLength];
        var buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
        long written = 0;
        try
        {
            while (true)
            {
                if (!await ReadFullyAsync(source, header, cancellationToken).ConfigureAwait(false))
                {
                    return written;
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                var destination = header[0] switch
                {
                    StdinStream or StdoutStream => stdout,
                    StderrStream => stderr,
                    SystemErrorStream => null,
                    _ => throw new IOException(string.Create(CultureInfo.InvariantCulture, $"Unrecognized input header: {header[0]}")),
                };

                if (header[0] == SystemErrorStream)
                {
                    var message = new byte[length];
                    await ReadExactlyOrEofAsync(source, message, cancellationToken).ConfigureAwait(false);
                    throw new IOException("error from daemon in stream: " + Encoding.UTF8.GetString(message));
                }

                var remaining = (long)length;
                while (remaining > 0)
                {
                    var chunk = (int)Math.Min(remaining, buffer.Length);
                    var read = await source.ReadAsync(buffer.AsMemory(0, chunk), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        // A frame cut short by the connection closing: what arrived is still output.
                        return written;
                    }

                    if (destination is not null)
                    {
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    written += read;
                    remaining -= read;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes one frame in the multiplexed format (what the daemon sends; tests and tools use it too).</summary>
    public static byte[] Frame(byte streamType, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderLength + payload.Length];
        frame[0] = streamType;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    /// <summary>Fills <paramref name="buffer"/>; false when the stream ends first.</summary>
    private static async Task<bool> ReadFullyAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // moby treats a partial header at EOF as the end of the stream, like a clean one.
                return false;
            }

            total += read;
        }

        return true;
    }

    private static async Task ReadExactlyOrEofAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            total += read;
        }
    }
}
