namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>Where a hijacked connection's data goes: stdin to send (or none), stdout/stderr to fill (or none).</summary>
public sealed record StreamEndpoints
{
    public Stream? Input { get; init; }

    public Stream? Output { get; init; }

    public Stream? Error { get; init; }

    /// <summary>A TTY stream is raw bytes (no stdcopy frames), and a terminal on stdin goes raw for it.</summary>
    public bool Tty { get; init; }

    /// <summary>The detach sequence in docker's format, watched for on a TTY; null for ctrl-p,ctrl-q.</summary>
    public string? DetachKeys { get; init; }
}
