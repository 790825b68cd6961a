using System.Text;
using Wharf.Client;

namespace Wharf.Cli.Tests.Containers;

/// <summary>
/// A daemon that plays dockerd's side of create/attach/wait/start: attach upgrades, the wait answers once the start
/// came, the attached stream carries the container's output (and echoes stdin back when the container reads it).
/// </summary>
internal sealed class ContainerScript
{
    public const string Id = "4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a";

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Frames (or raw bytes with a TTY) the container writes once started.</summary>
    public byte[] Output { get; set; } = [.. StdCopy.Frame(1, "out\n"u8), .. StdCopy.Frame(2, "err\n"u8)];

    public int ExitCode { get; set; }

    /// <summary>Echo what arrives on stdin back as stdout (a container running <c>cat</c>).</summary>
    public bool EchoInput { get; set; }

    /// <summary>A create answered with 404 "No such image" (the first <see cref="MissingImageTimes"/> times).</summary>
    public int MissingImageTimes { get; set; }

    public string? StartError { get; set; }

    public string? PullError { get; set; }

    public IReadOnlyList<string> Warnings { get; set; } = [];

    public byte[] ReceivedInput { get; private set; } = [];

    public async Task HandleAsync(DaemonExchange exchange)
    {
        var request = exchange.Request;
        switch (request.Method, request.Path)
        {
            case ("POST", "/containers/create"):
                if (MissingImageTimes-- > 0)
                {
                    await exchange.RespondAsync(404, """{"message":"No such image: busybox:latest"}""");
                    return;
                }

                await exchange.RespondAsync(201, $$"""{"Id":"{{Id}}","Warnings":[{{string.Join(',', Warnings.Select(w => "\"" + w + "\""))}}]}""");
                return;
            case ("POST", "/images/create"):
                if (PullError is not null)
                {
                    await exchange.RespondAsync(404, $$"""{"message":"{{PullError}}"}""");
                    return;
                }

                await exchange.RespondAsync(200, "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n{\"status\":\"Status: Downloaded newer image for busybox:latest\"}\n");
                return;
            case ("POST", var path) when path.EndsWith("/attach", StringComparison.Ordinal) || path.EndsWith("/start", StringComparison.Ordinal) && path.StartsWith("/exec/", StringComparison.Ordinal):
                await exchange.UpgradeAsync();
                await _started.Task.WaitAsync(TimeSpan.FromSeconds(30));
                ReceivedInput = await exchange.ReadToEndAsync();
                await exchange.WriteAsync(EchoInput ? StdCopy.Frame(1, ReceivedInput) : Output);
                return;
            case ("POST", var path) when path.EndsWith("/wait", StringComparison.Ordinal):
                await exchange.BeginChunkedAsync();
                await _started.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await exchange.ChunkAsync($$"""{"StatusCode":{{ExitCode}}}""" + "\n");
                await exchange.EndChunkedAsync();
                return;
            case ("POST", var path) when path.EndsWith("/start", StringComparison.Ordinal):
                if (StartError is not null)
                {
                    await exchange.RespondAsync(400, $$"""{"message":"{{StartError}}"}""");
                    _started.TrySetResult();
                    return;
                }

                await exchange.NoContentAsync();
                _started.TrySetResult();
                return;
            case ("POST", var path) when path.EndsWith("/kill", StringComparison.Ordinal) || path.EndsWith("/resize", StringComparison.Ordinal):
                await exchange.NoContentAsync();
                return;
            default:
                await exchange.RespondAsync(404, """{"message":"page not found"}""");
                return;
        }
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
