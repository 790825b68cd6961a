namespace Wharf.Engine.Exec;

/// <summary>
/// How <c>POST /exec/{id}/start</c> runs an exec: <paramref name="Attach"/> false is <c>Detach</c> (nothing is attached,
/// stdin is /dev/null); <paramref name="ConsoleSize"/> is [height, width] for a TTY (null: the one given at create).
/// </summary>
public sealed record ExecStartOptions(bool Attach, IReadOnlyList<int>? ConsoleSize = null);
