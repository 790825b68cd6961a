namespace Wharf.Shim;

/// <summary>
/// Starts the shim's few dedicated threads with small stacks. An exception escaping a thread would kill the shim and
/// orphan the container, so every body is guarded and only logged.
/// </summary>
internal static class ShimThreads
{
    private const int StackSize = 256 * 1024;

    public static Thread Start(string name, Action body)
    {
        var thread = new Thread(
            () =>
            {
                try
                {
                    body();
                }
#pragma warning disable CA1031 // A shim thread must never take the process down.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    ShimLog.Write($"{name}: {exception}");
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return thread;
    }
}
