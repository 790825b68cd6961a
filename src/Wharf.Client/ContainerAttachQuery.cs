namespace Wharf.Client;

/// <summary>The parameters of <c>POST /containers/{id}/attach</c>.</summary>
public sealed record ContainerAttachQuery
{
    public bool Stream { get; init; } = true;

    public bool Stdin { get; init; }

    public bool Stdout { get; init; }

    public bool Stderr { get; init; }

    public bool Logs { get; init; }

    /// <summary>Overrides the daemon's detach sequence (docker's "ctrl-p,ctrl-q" format).</summary>
    public string? DetachKeys { get; init; }
}
