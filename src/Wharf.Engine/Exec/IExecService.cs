using Wharf.Api;

namespace Wharf.Engine.Exec;

/// <summary>Execs as dockerd keeps them: created against a running container, started once, inspectable after they ended.</summary>
public interface IExecService
{
    /// <summary>Registers an exec in a running container and returns its ID (dockerd's ContainerExecCreate, errors included).</summary>
    string Create(string containerNameOrId, ExecCreateRequest request);

    /// <summary>Throws what dockerd's ExecExists would: NotFound for an unknown exec, Conflict when its container does not run.</summary>
    void EnsureStartable(string execId);

    /// <summary>
    /// Starts the exec and returns once its process runs. Throws Conflict when it already ran or runs; when the
    /// runtime cannot start it the exec records exit code 126 or 127 (as dockerd) and the runtime's error is thrown.
    /// </summary>
    Task<ExecSession> StartAsync(string execId, ExecStartOptions options, CancellationToken cancellationToken);

    Task ResizeAsync(string execId, int height, int width, CancellationToken cancellationToken);

    ExecInspect Inspect(string execId);
}
