using Wharf.Engine.Errors;

namespace Wharf.Engine.Exec;

/// <summary>moby's setExitCodeFromError: the exit code an exec gets when the runtime could not start it, and the error to report.</summary>
internal static class ExecStartFailure
{
    public const int CannotInvoke = 126;
    public const int NotFound = 127;

    public static (int ExitCode, EngineException Error) Classify(Exception exception)
    {
        var message = exception.Message;
        if (Contains(message, "permission denied"))
        {
            return (CannotInvoke, EngineException.InvalidParameter(message));
        }

        // Go 1.20 made exec'ing a directory EISDIR; docker/cli looks for "permission denied" to choose 126.
        if (Contains(message, "is a directory"))
        {
            return (CannotInvoke, EngineException.InvalidParameter(message + ": permission denied"));
        }

        if (Contains(message, "not a directory"))
        {
            return (NotFound, EngineException.InvalidParameter(message + ": Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type"));
        }

        if (Contains(message, "executable file not found") || Contains(message, "no such file or directory") || Contains(message, "system cannot find the file specified"))
        {
            return (NotFound, EngineException.InvalidParameter(message));
        }

        return (CannotInvoke, new EngineException(ErrorKind.Internal, message, exception));
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
