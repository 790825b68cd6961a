namespace Wharf.Engine.Runtime;

/// <summary>Which of a process's output streams a chunk or log line came from.</summary>
public enum OutputStream
{
    Stdout = 1,
    Stderr = 2,
}
