namespace Wharf.Cli.Commands.Containers.Stats;

/// <summary>docker's StatsEntry: one container's figures as the stats table shows them.</summary>
public sealed record StatsEntry
{
    /// <summary>The name or ID the user gave (or the listed ID).</summary>
    public string Container { get; init; } = "";

    /// <summary>The daemon's name, with its leading slash.</summary>
    public string Name { get; init; } = "";

    public string Id { get; init; } = "";

    public double CpuPercentage { get; init; }

    public double Memory { get; init; }

    public double MemoryLimit { get; init; }

    public double MemoryPercentage { get; init; }

    public double NetworkRx { get; init; }

    public double NetworkTx { get; init; }

    public double BlockRead { get; init; }

    public double BlockWrite { get; init; }

    public ulong PidsCurrent { get; init; }

    /// <summary>No (recent) sample: the figures show as "--".</summary>
    public bool IsInvalid { get; init; }
}
