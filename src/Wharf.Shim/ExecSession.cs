using System.Globalization;
using System.Net.Sockets;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>
/// One <c>runc exec -d</c> and the connection that asked for it: the response carries its pid, then its output goes
/// out as frames (backpressure goes to the process: an exec's client is expected to read), stdin frames come in,
/// and an Exit frame with its code ends the connection.
/// </summary>
internal sealed class ExecSession
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Runc _runc;
    private readonly Reaper _reaper;
    private readonly int _devNull;
    private readonly string _stateDirectory;
    private readonly string _consoleSocketPath;
    private readonly int _sequence;
    private readonly ManualResetEventSlim _done = new(false);
    private ProcessIo? _io;

    public ExecSession(Runc runc, Reaper reaper, int devNull, string stateDirectory, string socketPath, int sequence)
    {
        _runc = runc;
        _reaper = reaper;
        _devNull = devNull;
        _stateDirectory = stateDirectory;
        _sequence = sequence;
        _consoleSocketPath = ShimPaths.ConsoleSocketPath(socketPath, "e" + sequence.ToString(CultureInfo.InvariantCulture));
    }

    public bool WaitDone(TimeSpan timeout) => _done.Wait(timeout);

    public void Resize(int height, int width) => _io?.Resize(height, width);

    /// <summary>Runs the exec to its end on the connection's thread; <paramref name="register"/> makes it resizable once it runs.</summary>
    public void Run(Socket socket, ShimConnectionReader reader, ShimRequest request, Action<ExecSession> register, Action<ExecSession> unregister)
    {
        try
        {
            RunCore(socket, reader, request, register, unregister);
        }
        finally
        {
            _done.Set();
        }
    }

    private void RunCore(Socket socket, ShimConnectionReader reader, ShimRequest request, Action<ExecSession> register, Action<ExecSession> unregister)
    {
        var name = "exec-" + _sequence.ToString(CultureInfo.InvariantCulture);
        var processFile = Path.Combine(_stateDirectory, name + ".json");
        var pidFile = Path.Combine(_stateDirectory, name + ".pid");
        var logFile = Path.Combine(_stateDirectory, name + ".log");
        File.WriteAllText(processFile, request.Process ?? "{}");
        using var io = request.Tty
            ? ProcessIo.ForTerminal(_devNull, _consoleSocketPath)
            : ProcessIo.ForPipes(_devNull, request.Stdin, request.Stdout, request.Stderr);
        int runcExit;
        try
        {
            runcExit = _runc.Exec(processFile, pidFile, logFile, io.Console?.Path, io.ChildFds);
        }
        finally
        {
            io.CloseChildEnds();
            ShimConnection.DeleteQuietly(processFile);
        }

        if (runcExit != 0)
        {
            var message = RuncErrorLog.LastError(logFile) ?? $"runc exec exited with status {runcExit}";
            ShimConnection.DeleteQuietly(logFile);
            ShimConnection.DeleteQuietly(pidFile);
            ShimConnection.Respond(socket, ShimConnection.Error(message));
            return;
        }

        var pid = ShimConnection.ReadPidFile(pidFile);
        ShimConnection.DeleteQuietly(pidFile);
        ShimConnection.DeleteQuietly(logFile);
        var exited = _reaper.WaitForExit(pid);
        if (!io.TakeMaster(request.Height, request.Width))
        {
            ProcessControl.SendSignal(pid, ProcessControl.SignalKill);
            exited.Wait();
            ShimConnection.Respond(socket, ShimConnection.Error("runc did not hand over the exec's terminal"));
            return;
        }

        _io = io;
        register(this);
        try
        {
            if (!ShimConnection.Respond(socket, new ShimResponse { Pid = pid, Running = true }))
            {
                // The client left before it learned the pid; the process still runs to its end, unattended.
                request.Stdout = false;
                request.Stderr = false;
            }

            var sendLock = new Lock();
            var clientGone = false;
            void Send(ShimFrameKind kind, ReadOnlySpan<byte> data)
            {
                lock (sendLock)
                {
                    if (clientGone)
                    {
                        return;
                    }

                    try
                    {
                        socket.Send(ShimFrames.Encode(kind, data));
                    }
                    catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
                    {
                        clientGone = true;
                    }
                }
            }

            var pumps = new List<OutputPump>();
            if (io.StdoutFd >= 0)
            {
                var forward = request.Stdout;
                var pump = new OutputPump(io.StdoutFd, chunk =>
                {
                    if (forward)
                    {
                        Send(ShimFrameKind.Stdout, chunk);
                    }
                });
                pump.Start(name + "-stdout");
                pumps.Add(pump);
            }

            if (io.StderrFd >= 0)
            {
                var forward = request.Stderr;
                var pump = new OutputPump(io.StderrFd, chunk =>
                {
                    if (forward)
                    {
                        Send(ShimFrameKind.Stderr, chunk);
                    }
                });
                pump.Start(name + "-stderr");
                pumps.Add(pump);
            }

            if (request.Stdin)
            {
                ShimThreads.Start(name + "-stdin", () => CopyStdin(reader, io));
            }

            var exitCode = exited.GetAwaiter().GetResult();
            var deadline = DateTime.UtcNow + DrainTimeout;
            var drained = true;
            foreach (var pump in pumps)
            {
                var left = deadline - DateTime.UtcNow;
                drained &= left > TimeSpan.Zero && pump.WaitForEnd(left);
            }

            if (!drained)
            {
                io.AbandonOutputs();
            }

            Send(ShimFrameKind.Exit, ShimFrames.EncodeExit(exitCode).AsSpan(ShimFrames.HeaderLength));
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // The client is gone already.
            }
        }
        finally
        {
            unregister(this);
            _io = null;
        }
    }

    private static void CopyStdin(ShimConnectionReader reader, ProcessIo io)
    {
        try
        {
            while (reader.ReadFrame() is { } frame)
            {
                if (frame.Kind == ShimFrameKind.Stdin)
                {
                    io.WriteStdin(frame.Payload);
                }
                else if (frame.Kind == ShimFrameKind.CloseStdin)
                {
                    io.CloseStdin();
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // The connection closed: no more stdin.
        }
    }
}
