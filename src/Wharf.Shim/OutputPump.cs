using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>A thread that reads one output descriptor (pipe or pty master) until EOF and hands every chunk on.</summary>
internal sealed class OutputPump
{
    private const int ChunkSize = 32 * 1024;

    private readonly int _fd;
    private readonly Action<ReadOnlySpan<byte>> _onData;
    private readonly ManualResetEventSlim _ended = new(false);

    public OutputPump(int fd, Action<ReadOnlySpan<byte>> onData)
    {
        _fd = fd;
        _onData = onData;
    }

    public void Start(string name) => ShimThreads.Start(name, Run);

    /// <summary>True once the output ended; false when it still had not after <paramref name="timeout"/> (something still holds the write end).</summary>
    public bool WaitForEnd(TimeSpan timeout) => _ended.Wait(timeout);

    private void Run()
    {
        try
        {
            var buffer = new byte[ChunkSize];
            while (true)
            {
                int read;
                try
                {
                    read = FileDescriptor.Read(_fd, buffer);
                }
                catch (IOException)
                {
                    return;
                }

                if (read == 0)
                {
                    return;
                }

                _onData(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            _ended.Set();
        }
    }
}
