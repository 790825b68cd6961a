namespace Wharf.Engine.Containers;

/// <summary>The execs of a container (inspect's ExecIDs).</summary>
public interface IExecSource
{
    /// <summary>Null when the container has none (dockerd shows <c>null</c>).</summary>
    IReadOnlyList<string>? ExecIds(string containerId);
}
