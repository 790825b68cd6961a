namespace Wharf.Api;

/// <summary>The body of <c>POST /exec/{id}/start</c>.</summary>
public sealed record ExecStartRequest
{
    public bool Detach { get; init; }

    public bool Tty { get; init; }

    public IReadOnlyList<int>? ConsoleSize { get; init; }
}
