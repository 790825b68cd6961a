namespace Wharf.Client;

/// <summary>The parameters of <c>GET /containers/{id}/logs</c>; <see cref="Since"/>/<see cref="Until"/> are API timestamps already.</summary>
public sealed record ContainerLogsQuery
{
    public bool Stdout { get; init; } = true;

    public bool Stderr { get; init; } = true;

    public bool Follow { get; init; }

    public bool Timestamps { get; init; }

    public bool Details { get; init; }

    public string? Since { get; init; }

    public string? Until { get; init; }

    /// <summary>"all" or a line count.</summary>
    public string? Tail { get; init; }
}
