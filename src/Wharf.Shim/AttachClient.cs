using System.Net.Sockets;

namespace Wharf.Shim;

/// <summary>
/// One attached client of init's output. Frames queue here and a writer thread sends them, so that a slow client
/// never blocks the container; a client that falls more than <see cref="MaxQueuedBytes"/> behind is dropped.
/// </summary>
internal sealed class AttachClient
{
    public const long MaxQueuedBytes = 4L << 20;

    private readonly Socket _socket;
    private readonly object _lock = new();
    private readonly Queue<byte[]> _queue = new();
    private readonly ManualResetEventSlim _done = new(false);
    private long _queuedBytes;
    private bool _finishing;
    private bool _closed;

    public AttachClient(Socket socket, bool stdout, bool stderr)
    {
        _socket = socket;
        WantsStdout = stdout;
        WantsStderr = stderr;
    }

    public bool WantsStdout { get; }

    public bool WantsStderr { get; }

    public void Start() => ShimThreads.Start("attach-writer", WriteLoop);

    /// <summary>Queues a frame; false when the client is gone or was just dropped for being too slow.</summary>
    public bool TryEnqueue(byte[] frame)
    {
        lock (_lock)
        {
            if (_closed || _finishing)
            {
                return false;
            }

            if (_queuedBytes + frame.Length > MaxQueuedBytes)
            {
                _closed = true;
                _queue.Clear();
                Monitor.PulseAll(_lock);
                return false;
            }

            _queue.Enqueue(frame);
            _queuedBytes += frame.Length;
            Monitor.PulseAll(_lock);
            return true;
        }
    }

    /// <summary>Queues the last frame (the exit); the connection closes once it is sent.</summary>
    public void Finish(byte[] lastFrame)
    {
        lock (_lock)
        {
            if (!_closed && !_finishing)
            {
                _queue.Enqueue(lastFrame);
                _finishing = true;
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <summary>The client went away: stop sending.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _queue.Clear();
            Monitor.PulseAll(_lock);
        }
    }

    public bool WaitDone(TimeSpan timeout) => _done.Wait(timeout);

    private void WriteLoop()
    {
        try
        {
            while (true)
            {
                byte[] frame;
                lock (_lock)
                {
                    while (_queue.Count == 0 && !_closed && !_finishing)
                    {
                        Monitor.Wait(_lock);
                    }

                    if (_closed || _queue.Count == 0)
                    {
                        return;
                    }

                    frame = _queue.Dequeue();
                    _queuedBytes -= frame.Length;
                }

                _socket.Send(frame);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The client is gone.
        }
        finally
        {
            lock (_lock)
            {
                _closed = true;
                _queue.Clear();
            }

            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }

            _done.Set();
        }
    }
}
