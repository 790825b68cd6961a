using System.Diagnostics;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Runtime;

/// <summary>runc's management commands that wharfd runs itself (pause, resume, update, delete); the shim runs the rest.</summary>
internal sealed class RuncCommand
{
    private readonly string _runcPath;
    private readonly string _root;

    public RuncCommand(string runcPath, string root)
    {
        _runcPath = runcPath;
        _root = root;
    }

    /// <summary>Runs <c>runc --root R args…</c>; a failure throws with runc's own message.</summary>
    public async Task RunAsync(IReadOnlyList<string> arguments, string? stdin, CancellationToken cancellationToken)
    {
        var (exitCode, error) = await TryRunAsync(arguments, stdin, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new EngineException(ErrorKind.Internal, error.Length > 0 ? error : $"runc {arguments[0]} exited with status {exitCode}");
        }
    }

    public async Task<(int ExitCode, string Error)> TryRunAsync(IReadOnlyList<string> arguments, string? stdin, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_runcPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--root");
        start.ArgumentList.Add(_root);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new EngineException(ErrorKind.Unavailable, $"cannot start {_runcPath}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new EngineException(ErrorKind.Unavailable, $"cannot start {_runcPath}: {exception.Message}", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await output.ConfigureAwait(false);
            return (process.ExitCode, Clean(await error.ConfigureAwait(false)));
        }
    }

    /// <summary>runc prints its error as a logrus line (<c>time="…" level=error msg="…"</c>) or as plain text.</summary>
    private static string Clean(string stderr)
    {
        var text = stderr.Trim();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = lines.Length == 0 ? "" : lines[^1];
        var message = last.IndexOf("msg=\"", StringComparison.Ordinal);
        if (message >= 0 && last.EndsWith('"'))
        {
            return last[(message + 5)..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        return last;
    }
}
