using System.Diagnostics;
using System.Text;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Containers;

/// <summary>
/// The docker CLI on a pseudo-terminal (util-linux <c>script</c>), so that it puts the terminal in raw mode and sends keys
/// as typed: what <c>docker attach</c> and <c>docker exec -it</c> need for the detach keys.
/// </summary>
public sealed class StreamsTerminal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reader;

    private StreamsTerminal(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static StreamsTerminal Start(WharfDaemon daemon, params string[] dockerArgs)
    {
        var command = string.Join(' ', ((string[])[new DockerCli(daemon).Executable, "-H", daemon.Host, .. dockerArgs]).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-q", "-e", "-c", command, "/dev/null"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOCKER_CONFIG"] = daemon.ClientConfigDirectory;
        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("DOCKER_HOST");
        return new StreamsTerminal(Process.Start(start)!);
    }

    /// <summary>Types bytes on the terminal, one write each, as keys arrive from a keyboard.</summary>
    public async Task TypeAsync(params byte[] keys)
    {
        foreach (var key in keys)
        {
            await _process.StandardInput.BaseStream.WriteAsync(new[] { key });
            await _process.StandardInput.BaseStream.FlushAsync();
            await Task.Delay(50);
        }
    }

    public Task TypeAsync(string text) => TypeAsync(Encoding.UTF8.GetBytes(text));

    public async Task WaitForOutputAsync(string text, WharfDaemon daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(daemon.Describe($"the terminal never showed {text}; it showed: {Output}"));
            }

            await Task.Delay(50);
        }
    }

    public async Task<int> WaitForExitAsync(WharfDaemon daemon)
    {
        using var overrun = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(daemon.Describe("the docker CLI on the terminal did not exit; it showed: " + Output));
        }

        await _reader;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        try
        {
            await _reader;
        }
        catch (IOException)
        {
            // The terminal went away with the process.
        }

        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new char[1024];
        while (true)
        {
            var read = await _process.StandardOutput.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            lock (_output)
            {
                _output.Append(buffer, 0, read);
            }
        }
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
