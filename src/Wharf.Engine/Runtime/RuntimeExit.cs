namespace Wharf.Engine.Runtime;

/// <summary>How a container's or exec's process ended: its exit code (128+signal when killed), when, and whether the kernel's OOM killer hit the container.</summary>
public sealed record RuntimeExit(int ExitCode, DateTimeOffset FinishedAt, bool OomKilled);
