namespace Wharf.Engine.Containers;

/// <summary>Containers by state for <c>/info</c>: paused ones are not running, restarting ones count as stopped (as dockerd).</summary>
public sealed record ContainerCounts(int Total, int Running, int Paused, int Stopped);
