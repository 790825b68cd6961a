using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>What <c>create</c>/<c>run</c> flags amount to: the create request plus the settings that are not part of it.</summary>
public sealed record ContainerSpec
{
    public required ContainerCreateRequest Request { get; init; }

    public string? Name { get; init; }

    public string? Platform { get; init; }

    /// <summary>"missing" (default), "always" or "never".</summary>
    public string Pull { get; init; } = "missing";

    public bool Quiet { get; init; }

    /// <summary>How many <c>-a</c> values were given (run refuses them with <c>-d</c>).</summary>
    public int AttachFlagCount { get; init; }

    public bool AutoRemove => Request.HostConfig?.AutoRemove ?? false;
}
