using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>An exec running under a shim; its connection carries its streams and, last, its exit code.</summary>
internal sealed class ShimExec : IRuntimeExec
{
    /// <summary>What an exec "exited" with when its shim went away before telling (containerd says 255 too).</summary>
    private const int UnknownExitCode = 255;

    private readonly ShimStream _stream;
    private readonly string _socketPath;
    private readonly string _containerId;
    private readonly string _execId;

    public ShimExec(int pid, ShimStream stream, string socketPath, string containerId, string execId)
    {
        Pid = pid;
        _stream = stream;
        _socketPath = socketPath;
        _containerId = containerId;
        _execId = execId;
        Exited = WaitForExitAsync();
    }

    public int Pid { get; }

    public Task<int> Exited { get; }

    public IRuntimeStream Stream => _stream;

    public async Task ResizeAsync(int height, int width, CancellationToken cancellationToken)
    {
        var connection = await ShimClientConnection.ConnectAsync(_socketPath, _containerId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var response = await connection.RequestAsync(
                new ShimRequest { Op = ShimOperations.Resize, ExecId = _execId, Height = height, Width = width },
                cancellationToken).ConfigureAwait(false);
            ShimTask.ThrowIfError(response, _containerId);
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task<int> WaitForExitAsync() => await _stream.Exit.ConfigureAwait(false) ?? UnknownExitCode;
}
