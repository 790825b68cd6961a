using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>
/// Fans init's live output out to every attached client; at exit each gets an Exit frame and is closed. In replay
/// mode the output is also kept (up to <see cref="MaxReplayBytes"/>, oldest dropped first) until the first client
/// attaches, which gets it before anything live.
/// </summary>
internal sealed class AttachHub
{
    private const int MaxReplayBytes = 1 << 20;

    private readonly Lock _lock = new();
    private readonly List<AttachClient> _clients = [];
    private readonly ManualResetEventSlim _firstAttached;
    private Queue<(ShimFrameKind Stream, byte[] Frame)>? _replay;
    private int _replayBytes;
    private byte[]? _exitFrame;

    public AttachHub(bool replayToFirstAttach)
    {
        _firstAttached = new ManualResetEventSlim(!replayToFirstAttach);
        _replay = replayToFirstAttach ? new Queue<(ShimFrameKind, byte[])>() : null;
    }

    /// <summary>In replay mode, waits (bounded) until a client attached; returns at once otherwise.</summary>
    public void WaitForFirstAttach(TimeSpan timeout) => _firstAttached.Wait(timeout);

    /// <summary>Adds a client; false when init has already exited (the caller answers with the exit instead).</summary>
    public bool Add(AttachClient client)
    {
        lock (_lock)
        {
            if (_exitFrame is not null)
            {
                client.Start();
                client.Finish(_exitFrame);
                return false;
            }

            if (_replay is not null)
            {
                foreach (var (stream, frame) in _replay)
                {
                    if (stream == ShimFrameKind.Stdout ? client.WantsStdout : client.WantsStderr)
                    {
                        client.TryEnqueue(frame);
                    }
                }

                _replay = null;
                _firstAttached.Set();
            }

            _clients.Add(client);
            client.Start();
            return true;
        }
    }

    public void Remove(AttachClient client)
    {
        lock (_lock)
        {
            _clients.Remove(client);
        }

        client.Close();
    }

    public void Publish(ShimFrameKind stream, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (_replay is not null)
            {
                var kept = ShimFrames.Encode(stream, data);
                _replay.Enqueue((stream, kept));
                _replayBytes += kept.Length;
                while (_replayBytes > MaxReplayBytes && _replay.Count > 1)
                {
                    _replayBytes -= _replay.Dequeue().Frame.Length;
                }
            }

            if (_clients.Count == 0)
            {
                return;
            }

            byte[]? frame = null;
            for (var i = _clients.Count - 1; i >= 0; i--)
            {
                var client = _clients[i];
                if (stream == ShimFrameKind.Stdout ? !client.WantsStdout : !client.WantsStderr)
                {
                    continue;
                }

                frame ??= ShimFrames.Encode(stream, data);
                if (!client.TryEnqueue(frame))
                {
                    _clients.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Sends the exit to every client and waits (bounded) until they have it.</summary>
    public void Complete(int exitCode, TimeSpan timeout)
    {
        List<AttachClient> clients;
        lock (_lock)
        {
            _exitFrame = ShimFrames.EncodeExit(exitCode);
            clients = [.. _clients];
            _clients.Clear();
        }

        foreach (var client in clients)
        {
            client.Finish(_exitFrame);
        }

        var deadline = DateTime.UtcNow + timeout;
        foreach (var client in clients)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !client.WaitDone(left))
            {
                client.Close();
            }
        }
    }
}
