using System.Diagnostics;
using System.Net.Sockets;
using Wharf.Engine.Errors;
using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>
/// A running container's shim. <see cref="Exited"/> is driven by one long-lived <c>wait</c> connection; every other
/// call opens a connection of its own, so that calls never queue behind each other.
/// </summary>
internal sealed class ShimTask : IRuntimeTask
{
    private readonly string _socketPath;
    private readonly Func<RuntimeExit?> _readRecordedExit;
    private readonly Task? _shimEnded;
    private readonly TaskCompletionSource<RuntimeExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private ShimClientConnection? _waitConnection;
    private int _disposed;

    public ShimTask(string containerId, int pid, string socketPath, Func<RuntimeExit?> readRecordedExit, Process? shimProcess)
    {
        ContainerId = containerId;
        Pid = pid;
        _socketPath = socketPath;
        _readRecordedExit = readRecordedExit;
        _shimEnded = shimProcess is null ? null : ReapShimAsync(shimProcess);
    }

    public string ContainerId { get; }

    public int Pid { get; }

    public Task<RuntimeExit> Exited => _exited.Task;

    /// <summary>
    /// Opens the wait connection; the exit arrives in the background. A shim whose container ended at once may have
    /// finished (exit recorded, socket gone) before this connects: then the exit file tells.
    /// </summary>
    public async Task StartWaitingAsync(CancellationToken cancellationToken)
    {
        ShimClientConnection connection;
        try
        {
            connection = await ShimClientConnection.ConnectAsync(_socketPath, ContainerId, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException) when (_shimEnded is not null)
        {
            _ = Task.Run(CompleteFromRecordAsync, CancellationToken.None);
            return;
        }

        _waitConnection = connection;
        _ = Task.Run(() => WaitAsync(connection), CancellationToken.None);
    }

    public async Task<IRuntimeStream> AttachAsync(bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken)
    {
        var connection = await ShimClientConnection.ConnectAsync(_socketPath, ContainerId, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await connection.RequestAsync(
                new ShimRequest { Op = ShimOperations.Attach, Stdin = stdin, Stdout = stdout, Stderr = stderr },
                cancellationToken).ConfigureAwait(false);
            ThrowIfError(response, ContainerId);
            return new ShimStream(connection, stdin);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken) =>
        RequestAsync(new ShimRequest { Op = ShimOperations.Resize, Height = height, Width = width }, cancellationToken);

    public Task SignalAsync(int signal, CancellationToken cancellationToken) =>
        RequestAsync(new ShimRequest { Op = ShimOperations.Kill, Signal = signal }, cancellationToken);

    public async Task<IRuntimeExec> ExecAsync(RuntimeExecSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var connection = await ShimClientConnection.ConnectAsync(_socketPath, ContainerId, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await connection.RequestAsync(
                new ShimRequest
                {
                    Op = ShimOperations.Exec,
                    ExecId = spec.ExecId,
                    Process = spec.ProcessJson,
                    Tty = spec.Tty,
                    Stdin = spec.AttachStdin,
                    Stdout = spec.AttachStdout,
                    Stderr = spec.AttachStderr,
                    Height = spec.InitialHeight ?? 0,
                    Width = spec.InitialWidth ?? 0,
                },
                cancellationToken).ConfigureAwait(false);
            if (response.Error is { } error)
            {
                // Docker (through containerd) words a failed exec this way; clients look for the runc part.
                throw error == "container is not running"
                    ? new EngineException(ErrorKind.Conflict, $"container {ContainerId} is not running")
                    : new EngineException(ErrorKind.InvalidParameter, $"OCI runtime exec failed: {error}: unknown");
            }

            return new ShimExec(response.Pid, new ShimStream(connection, spec.AttachStdin), _socketPath, ContainerId, spec.ExecId);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the wait connection; the container and its shim keep running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_waitConnection is not null)
        {
            await _waitConnection.DisposeAsync().ConfigureAwait(false);
        }

        _exited.TrySetCanceled();
    }

    internal static void ThrowIfError(ShimResponse response, string containerId)
    {
        if (response.Error is { } error)
        {
            throw error == "container is not running"
                ? new EngineException(ErrorKind.Conflict, $"container {containerId} is not running")
                : new EngineException(ErrorKind.Internal, error);
        }
    }

    private async Task RequestAsync(ShimRequest request, CancellationToken cancellationToken)
    {
        var connection = await ShimClientConnection.ConnectAsync(_socketPath, ContainerId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            ShimResponse response;
            try
            {
                response = await connection.RequestAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or SocketException)
            {
                throw new EngineException(ErrorKind.Conflict, $"container {ContainerId} is not running", exception);
            }

            ThrowIfError(response, ContainerId);
        }
    }

    private async Task WaitAsync(ShimClientConnection connection)
    {
        RuntimeExit? exit = null;
        try
        {
            var response = await connection.RequestAsync(new ShimRequest { Op = ShimOperations.Wait }, _stop.Token).ConfigureAwait(false);
            if (response.Exited)
            {
                exit = new RuntimeExit(response.ExitCode, ParseTime(response.FinishedAt), response.OomKilled);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Text.Json.JsonException)
        {
            // The shim went away without answering (or we stopped listening): its exit file may still tell.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_stop.IsCancellationRequested)
        {
            _exited.TrySetCanceled();
            return;
        }

        // A shim that died without recording anything leaves an unknown exit; containerd reports those as 255.
        _exited.TrySetResult(exit ?? _readRecordedExit() ?? new RuntimeExit(255, DateTimeOffset.UtcNow, false));
    }

    private async Task CompleteFromRecordAsync()
    {
        await _shimEnded!.ConfigureAwait(false);
        _exited.TrySetResult(_readRecordedExit() ?? new RuntimeExit(255, DateTimeOffset.UtcNow, false));
    }

    /// <summary>wharfd started this shim, so it is wharfd's child until it ends: keep the Process alive so that .NET reaps it.</summary>
    private static async Task ReapShimAsync(Process process)
    {
        using (process)
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset ParseTime(string? text) =>
        text is not null && GoTime.TryParseRfc3339Nano(text, out var nanoseconds)
            ? GoTime.FromUnixNanoseconds(nanoseconds)
            : DateTimeOffset.UtcNow;
}
