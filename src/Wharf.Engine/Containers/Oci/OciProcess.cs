namespace Wharf.Engine.Containers.Oci;

/// <summary>The <c>process</c> object: what runs in the container, or what <c>runc exec --process</c> runs.</summary>
public sealed record OciProcess
{
    public bool Terminal { get; init; }

    public OciBox? ConsoleSize { get; init; }

    public OciUser User { get; init; } = new();

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyList<string>? Env { get; init; }

    public string Cwd { get; init; } = "/";

    public OciCapabilities? Capabilities { get; init; }

    public IReadOnlyList<OciRlimit>? Rlimits { get; init; }

    public bool NoNewPrivileges { get; init; }

    public string? ApparmorProfile { get; init; }

    public int? OomScoreAdj { get; init; }
}
