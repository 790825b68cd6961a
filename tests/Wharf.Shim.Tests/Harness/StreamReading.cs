using System.Text;
using Wharf.Engine.Runtime;

namespace Wharf.Shim.Tests.Harness;

/// <summary>Reads an attached stream until some text shows up or it ends (bounded, so a broken shim fails instead of hanging).</summary>
public static class StreamReading
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Everything read per stream until <paramref name="until"/> holds (or the stream ended).</summary>
    public static async Task<(string Stdout, string Stderr, bool Ended)> ReadUntilAsync(IRuntimeStream stream, Func<string, string, bool> until)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        while (!until(stdout.ToString(), stderr.ToString()))
        {
            var chunk = await stream.ReadAsync(timeout.Token);
            if (chunk is null)
            {
                return (stdout.ToString(), stderr.ToString(), true);
            }

            (chunk.Stream == OutputStream.Stderr ? stderr : stdout).Append(Encoding.UTF8.GetString(chunk.Data.Span));
        }

        return (stdout.ToString(), stderr.ToString(), false);
    }

    public static Task<(string Stdout, string Stderr, bool Ended)> ReadToEndAsync(IRuntimeStream stream) =>
        ReadUntilAsync(stream, (_, _) => false);
}
