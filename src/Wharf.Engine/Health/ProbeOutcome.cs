namespace Wharf.Engine.Health;

/// <summary>One probe run: exit code (-1 when it could not run or timed out) and what it printed, as dockerd records it.</summary>
internal sealed record ProbeOutcome(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);
