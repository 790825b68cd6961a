namespace Wharf.Integration.Tests.Harness;

/// <summary>
/// Sockets opened inside a network namespace (a fake upstream DNS server, a listener in "the outside"). setns(2)
/// moves only the calling thread, so the socket is made on a thread of its own that ends right after; the socket keeps
/// the namespace it was created in and is then used from any thread.
/// </summary>
public static class NamespaceSockets
{
    public static T OpenIn<T>(string namespacePath, Func<T> open)
    {
        T? opened = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using (var handle = File.OpenHandle(namespacePath, FileMode.Open, FileAccess.Read))
                {
                    NativeMethods.EnterNetworkNamespace(handle);
                }

                opened = open();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "netns socket",
        };
        thread.Start();
        thread.Join();
        return failure is null ? opened! : throw new InvalidOperationException($"Could not open a socket in {namespacePath}", failure);
    }
}
