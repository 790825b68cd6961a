namespace Wharf.Daemon.Api;

/// <summary>Why an attached session ended.</summary>
internal enum BridgeEnd
{
    /// <summary>The process's output ended (it exited, or the container stopped).</summary>
    OutputEnded,

    /// <summary>The client typed the detach keys.</summary>
    Detached,

    /// <summary>The client closed its stdin and that ends the session (TTY, or stdin not closed on EOF).</summary>
    StdinClosed,

    /// <summary>Writing to or reading from the client failed.</summary>
    ClientGone,
}
