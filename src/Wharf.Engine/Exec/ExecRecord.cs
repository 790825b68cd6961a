using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Exec;

/// <summary>One exec as dockerd's ExecConfig holds it. Mutable state is guarded by the record itself (lock (record)).</summary>
internal sealed class ExecRecord
{
    public ExecRecord(string id, ContainerView container, ExecCreateRequest request, byte[] detachKeys)
    {
        Id = id;
        ContainerId = container.Id;
        Container = container;
        Request = request;
        DetachKeys = detachKeys;
    }

    public string Id { get; }

    public string ContainerId { get; }

    /// <summary>The container as it was at create; event attributes fall back to it once the container is gone.</summary>
    public ContainerView Container { get; }

    /// <summary>As created, with User and WorkingDir already defaulted from the container.</summary>
    public ExecCreateRequest Request { get; }

    public byte[] DetachKeys { get; }

    public bool Running { get; set; }

    public int? ExitCode { get; set; }

    public int Pid { get; set; }

    /// <summary>Marked by the collector once the exec is no longer live; removed at the collector's next pass.</summary>
    public bool CanRemove { get; set; }

    /// <summary>dockerd's container.ExecCommands: created or running, not yet ended.</summary>
    public bool Live { get; set; } = true;

    public IRuntimeExec? Process { get; set; }

    /// <summary>Completes when a start attempt finished, successfully or not (resize waits for it).</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the exit code once it is recorded.</summary>
    public TaskCompletionSource<int> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Entrypoint => Request.Cmd![0];

    public IReadOnlyList<string> Arguments => [.. Request.Cmd!.Skip(1)];

    /// <summary>The action suffix dockerd uses in exec events: <c>exec_start: sh -c date</c>.</summary>
    public string CommandLine => Entrypoint + " " + string.Join(' ', Arguments);
}
