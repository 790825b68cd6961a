namespace Wharf.Api;

/// <summary>Why waiting failed.</summary>
public sealed record ContainerWaitError
{
    public string Message { get; init; } = "";
}
