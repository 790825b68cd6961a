namespace Wharf.Engine.Runtime;

/// <summary>
/// One exec: <paramref name="ProcessJson"/> is an OCI <c>process</c> object (args, env, cwd, user, terminal,
/// capabilities, noNewPrivileges) as <c>runc exec --process</c> takes it. Streams not attached are discarded (stdin
/// then is /dev/null), as for a detached <c>docker exec -d</c>.
/// </summary>
public sealed record RuntimeExecSpec(
    string ExecId,
    string ProcessJson,
    bool Tty,
    bool AttachStdin,
    bool AttachStdout,
    bool AttachStderr,
    int? InitialHeight = null,
    int? InitialWidth = null);
