namespace Wharf.Shim.Protocol;

/// <summary>The one JSON line a client sends first on each connection to a shim.</summary>
public sealed class ShimRequest
{
    public string Op { get; set; } = "";

    /// <summary>Attach/exec: the client sends stdin frames.</summary>
    public bool Stdin { get; set; }

    /// <summary>Attach/exec: stdout frames wanted.</summary>
    public bool Stdout { get; set; }

    /// <summary>Attach/exec: stderr frames wanted.</summary>
    public bool Stderr { get; set; }

    /// <summary>Resize of an exec rather than init; the exec's name for an exec request.</summary>
    public string? ExecId { get; set; }

    public int Height { get; set; }

    public int Width { get; set; }

    public int Signal { get; set; }

    /// <summary>Exec: the OCI <c>process</c> object, as JSON text.</summary>
    public string? Process { get; set; }

    /// <summary>Exec: the process has a terminal.</summary>
    public bool Tty { get; set; }
}
