namespace Wharf.Shim.Protocol;

/// <summary>The <see cref="ShimRequest.Op"/> values a shim answers. See docs/shim-protocol.md.</summary>
public static class ShimOperations
{
    /// <summary>Init's pid and whether it still runs (with its exit once it ended).</summary>
    public const string Status = "status";

    /// <summary>Answered once init has exited, its output is in the log and the exit is recorded.</summary>
    public const string Wait = "wait";

    /// <summary>Streams init's live output as frames and takes stdin frames.</summary>
    public const string Attach = "attach";

    /// <summary>Sets the terminal size of init (no exec id) or of an exec.</summary>
    public const string Resize = "resize";

    /// <summary>Sends a signal to init.</summary>
    public const string Kill = "kill";

    /// <summary>Runs another process in the container; the connection then carries its frames and its Exit frame.</summary>
    public const string Exec = "exec";
}
