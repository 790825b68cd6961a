namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>moby/term's EscapeError: the user typed the detach sequence. Not a failure: the command exits 0.</summary>
public sealed class DetachRequestedException : Exception
{
    public DetachRequestedException()
        : base("read escape sequence")
    {
    }

    public DetachRequestedException(string message)
        : base(message)
    {
    }

    public DetachRequestedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
