namespace Wharf.Engine.Containers;

/// <summary>What <c>POST /containers/{id}/wait</c> waits for.</summary>
public enum WaitCondition
{
    /// <summary>Any non-running state: answers at once for a container that does not run.</summary>
    NotRunning,

    /// <summary>The next exit (or removal), even when the container does not run now.</summary>
    NextExit,

    /// <summary>The container's removal.</summary>
    Removed,
}
