using System.Globalization;
using System.Text.Json;
using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

/// <summary>
/// The shim's life: detach (own session, child subreaper, deaf to job-control signals), start the container with
/// one <c>runc run -d</c>, tell wharfd the pid on stdout, then serve the socket until init exits; then drain the
/// output, note OOM, remove runc's state, record the exit, tell whoever waits and leave.
/// </summary>
internal sealed class ShimHost
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstAttachTimeout = TimeSpan.FromSeconds(10);

    private readonly ShimArguments _options;
    private readonly Reaper _reaper = new();
    private readonly Runc _runc;
    private readonly AttachHub _hub;
    private readonly Lock _execLock = new();
    private readonly Dictionary<string, ExecSession> _execs = new(StringComparer.Ordinal);
    private readonly List<ExecSession> _allExecs = [];
    private readonly ManualResetEventSlim _exitRecorded = new(false);
    private int _devNull = -1;
    private ControlServer? _server;
    private ProcessIo? _io;
    private ContainerLogWriter? _log;
    private LogCopier? _stdoutCopier;
    private LogCopier? _stderrCopier;
    private OutputPump? _stdoutPump;
    private OutputPump? _stderrPump;
    private RuncStateFile? _runcState;
    private ChildExit? _initExit;
    private int _initPid;
    private volatile bool _initExited;
    private ShimResponse? _exit;
    private int _execSequence;

    public ShimHost(ShimArguments options)
    {
        _options = options;
        _hub = new AttachHub(options.ReplayToFirstAttach);
        _runc = new Runc(options.RuntimePath, options.RuntimeRoot, options.Id, _reaper);
    }

    private string PidFilePath => Path.Combine(_options.StateDirectory, ShimPaths.ShimPidFile);

    private string RuncLogPath => Path.Combine(_options.StateDirectory, ShimPaths.RuncLogFile);

    public int Run()
    {
        ProcessControl.CreateSession();
        foreach (var signal in (int[])[ProcessControl.SignalTerminate, ProcessControl.SignalInterrupt, ProcessControl.SignalHangUp, ProcessControl.SignalPipe])
        {
            ProcessControl.IgnoreSignal(signal);
        }

        string? error;
        try
        {
            Directory.CreateDirectory(_options.StateDirectory);
            ShimLog.Configure(_options.StateDirectory);
            ProcessControl.BecomeChildSubreaper();
            File.WriteAllText(PidFilePath, ProcessControl.CurrentProcessId.ToString(CultureInfo.InvariantCulture));
            _devNull = FileDescriptor.Open("/dev/null", FileDescriptor.OpenReadWrite);
            _reaper.Start();
            error = StartInit();
        }
#pragma warning disable CA1031 // Whatever went wrong is reported to wharfd as the start error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = exception.Message;
        }

        if (error is not null)
        {
            FailStart(error);
            return 1;
        }

        ReportToParent(new ShimResponse { Pid = _initPid });
        DetachStdio();
        _server!.Start();
        var exitCode = _initExit!.Wait();
        Finish(exitCode);
        return 0;
    }

    /// <summary>Starts the container; returns null, or the error to report.</summary>
    private string? StartInit()
    {
        if (_options.LogDriver is LogDrivers.JsonFile or LogDrivers.Local && _options.LogPath.Length > 0)
        {
            _log = new ContainerLogWriter(_options.LogDriver, _options.LogPath, LogFileLimits.For(_options.LogDriver, _options.LogOptions));
            _stdoutCopier = new LogCopier("stdout", _log);
            _stderrCopier = new LogCopier("stderr", _log);
        }

        // Listening before runc runs: wharfd connects as soon as it reads the pid.
        _server = new ControlServer(_options.SocketPath, HandleConnection);
        _io = _options.Tty
            ? ProcessIo.ForTerminal(_devNull, ShimPaths.ConsoleSocketPath(_options.SocketPath, "c"))
            : ProcessIo.ForPipes(_devNull, _options.OpenStdin, stdout: true, stderr: true);
        var pidFile = Path.Combine(_options.StateDirectory, ShimPaths.InitPidFile);
        File.Delete(pidFile);
        File.Delete(RuncLogPath);
        int runcExit;
        try
        {
            runcExit = _runc.Run(_options.BundleDirectory, pidFile, RuncLogPath, _io.Console?.Path, _io.ChildFds);
        }
        finally
        {
            _io.CloseChildEnds();
        }

        if (runcExit != 0)
        {
            var message = RuncErrorLog.LastError(RuncLogPath) ?? $"runc run exited with status {runcExit}";
            // runc names its command "run"; containerd (so Docker) says "runc create failed", and clients match on that.
            const string RunFailed = "runc run failed: ";
            return message.StartsWith(RunFailed, StringComparison.Ordinal) ? "runc create failed: " + message[RunFailed.Length..] : message;
        }

        _initPid = ShimConnection.ReadPidFile(pidFile);
        _initExit = _reaper.WaitForExit(_initPid);
        _runcState = RuncStateFile.TryRead(_options.RuntimeRoot, _options.Id);
        if (!_io.TakeMaster(_options.Height, _options.Width))
        {
            return "runc did not hand over the container's terminal";
        }

        _stdoutPump = new OutputPump(_io.StdoutFd, chunk =>
        {
            _stdoutCopier?.Write(chunk);
            _hub.Publish(ShimFrameKind.Stdout, chunk);
        });
        _stdoutPump.Start("stdout");
        if (_io.StderrFd >= 0)
        {
            _stderrPump = new OutputPump(_io.StderrFd, chunk =>
            {
                _stderrCopier?.Write(chunk);
                _hub.Publish(ShimFrameKind.Stderr, chunk);
            });
            _stderrPump.Start("stderr");
        }

        return null;
    }

    private void FailStart(string error)
    {
        ShimLog.Write($"start failed: {error}");
        _io?.Dispose();
        _log?.Dispose();
        if (Directory.Exists(RuncStateFile.DirectoryOf(_options.RuntimeRoot, _options.Id)))
        {
            // runc cleans up after a failed run itself; this is for a container that started but cannot be served.
            try
            {
                _runc.Delete(RuncLogPath, [_devNull, _devNull, _devNull]);
            }
            catch (IOException exception)
            {
                ShimLog.Write($"runc delete: {exception.Message}");
            }
        }

        _server?.Dispose();
        ReportToParent(new ShimResponse { Error = error });
        ShimConnection.DeleteQuietly(PidFilePath);
    }

    private void Finish(int exitCode)
    {
        var finishedAt = RealtimeClock.UnixNanoseconds();
        _initExited = true;
        _io!.CloseStdin();
        var deadline = DateTime.UtcNow + DrainTimeout;
        var drained = _stdoutPump!.WaitForEnd(DrainTimeout);
        drained &= _stderrPump is null || _stderrPump.WaitForEnd(Remaining(deadline));
        if (drained)
        {
            _stdoutCopier?.Finish();
            _stderrCopier?.Finish();
        }

        _log?.Dispose();
        var oomKilled = OomDetector.WasOomKilled(_options.MemoryCgroupPath ?? _runcState?.MemoryCgroup());
        RemoveRuncState();
        var record = new ShimExitRecord { ExitCode = exitCode, FinishedAt = GoTime.FormatRfc3339Nano(finishedAt), OomKilled = oomKilled };
        try
        {
            ExitRecordWriter.Write(_options.StateDirectory, record);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ShimLog.Write($"writing exit file: {exception.Message}");
        }

        _exit = new ShimResponse { Pid = _initPid, Exited = true, ExitCode = exitCode, FinishedAt = record.FinishedAt, OomKilled = oomKilled };
        _exitRecorded.Set();
        // docker run's attach reaches the shim just after the start: a process quicker than that must not take its output away with it.
        _hub.WaitForFirstAttach(FirstAttachTimeout);
        _hub.Complete(exitCode, DrainTimeout);
        List<ExecSession> execs;
        lock (_execLock)
        {
            execs = [.. _allExecs];
        }

        deadline = DateTime.UtcNow + DrainTimeout;
        foreach (var exec in execs)
        {
            exec.WaitDone(Remaining(deadline));
        }

        _server!.WaitForConnections(DrainTimeout);
        _server.Dispose();
        if (!drained)
        {
            _io.AbandonOutputs();
        }

        _io.Dispose();
        ShimConnection.DeleteQuietly(PidFilePath);
    }

    private void RemoveRuncState()
    {
        if (RuncStateCleaner.TryRemove(_options.RuntimeRoot, _options.Id, _runcState))
        {
            return;
        }

        try
        {
            var exit = _runc.Delete(RuncLogPath, [_devNull, _devNull, _devNull]);
            if (exit != 0)
            {
                ShimLog.Write($"runc delete --force exited with {exit}: {RuncErrorLog.LastError(RuncLogPath)}");
            }
        }
        catch (IOException exception)
        {
            ShimLog.Write($"runc delete: {exception.Message}");
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static void ReportToParent(ShimResponse response)
    {
        try
        {
            FileDescriptor.WriteAll(1, ShimMessages.EncodeResponse(response));
        }
        catch (IOException)
        {
            // wharfd went away before reading; the shim goes on regardless.
        }
    }

    /// <summary>wharfd's pipes must not stay open (it waits for EOF) nor be written to once it is gone.</summary>
    private void DetachStdio()
    {
        for (var fd = 0; fd < 3; fd++)
        {
            FileDescriptor.Duplicate(_devNull, fd);
        }
    }

    private void HandleConnection(FileDescriptorHandle socket)
    {
        var reader = new ShimConnectionReader(new SocketStream(socket));
        ShimRequest? request;
        try
        {
            var line = reader.ReadLine();
            request = line is null ? null : ShimMessages.DecodeRequest(line);
        }
        catch (Exception exception) when (exception is JsonException or IOException or InvalidDataException or ObjectDisposedException)
        {
            ShimConnection.Respond(socket, ShimConnection.Error($"bad request: {exception.Message}"));
            return;
        }

        if (request is null)
        {
            return;
        }

        switch (request.Op)
        {
            case ShimOperations.Status:
                ShimConnection.Respond(socket, Status());
                break;
            case ShimOperations.Wait:
                _exitRecorded.Wait();
                ShimConnection.Respond(socket, _exit!);
                break;
            case ShimOperations.Attach:
                Attach(socket, reader, request);
                break;
            case ShimOperations.Resize:
                ShimConnection.Respond(socket, Resize(request));
                break;
            case ShimOperations.Kill:
                ShimConnection.Respond(socket, Kill(request));
                break;
            case ShimOperations.Exec:
                Exec(socket, reader, request);
                break;
            default:
                ShimConnection.Respond(socket, ShimConnection.Error($"unknown operation \"{request.Op}\""));
                break;
        }
    }

    private ShimResponse Status() =>
        _exit ?? new ShimResponse { Pid = _initPid, Running = !_initExited };

    private void Attach(FileDescriptorHandle socket, ShimConnectionReader reader, ShimRequest request)
    {
        if (!ShimConnection.Respond(socket, Status()))
        {
            return;
        }

        var client = new AttachClient(socket, request.Stdout, request.Stderr);
        if (!_hub.Add(client))
        {
            client.WaitDone(DrainTimeout);
            return;
        }

        var stdin = request.Stdin && _options.OpenStdin;
        try
        {
            while (reader.ReadFrame() is { } frame)
            {
                if (!stdin)
                {
                    continue;
                }

                if (frame.Kind == ShimFrameKind.Stdin)
                {
                    _io!.WriteStdin(frame.Payload);
                }
                else if (frame.Kind == ShimFrameKind.CloseStdin && _options.StdinOnce)
                {
                    _io!.CloseStdin();
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away.
        }

        if (!client.WaitDone(TimeSpan.Zero) && !_exitRecorded.IsSet)
        {
            _hub.Remove(client);
        }
        else
        {
            client.WaitDone(DrainTimeout);
        }
    }

    private ShimResponse Resize(ShimRequest request)
    {
        try
        {
            if (!string.IsNullOrEmpty(request.ExecId))
            {
                ExecSession? exec;
                lock (_execLock)
                {
                    _execs.TryGetValue(request.ExecId, out exec);
                }

                if (exec is null)
                {
                    return ShimConnection.Error($"no such exec: {request.ExecId}");
                }

                exec.Resize(request.Height, request.Width);
                return new ShimResponse();
            }

            if (_initExited)
            {
                return ShimConnection.Error("container is not running");
            }

            _io!.Resize(request.Height, request.Width);
            return new ShimResponse();
        }
        catch (IOException exception)
        {
            return ShimConnection.Error(exception.Message);
        }
    }

    private ShimResponse Kill(ShimRequest request)
    {
        try
        {
            return _initExited || !ProcessControl.SendSignal(_initPid, request.Signal)
                ? ShimConnection.Error("container is not running")
                : new ShimResponse { Pid = _initPid, Running = true };
        }
        catch (IOException exception)
        {
            return ShimConnection.Error(exception.Message);
        }
    }

    private void Exec(FileDescriptorHandle socket, ShimConnectionReader reader, ShimRequest request)
    {
        if (_initExited)
        {
            ShimConnection.Respond(socket, ShimConnection.Error("container is not running"));
            return;
        }

        var sequence = Interlocked.Increment(ref _execSequence);
        var key = string.IsNullOrEmpty(request.ExecId) ? sequence.ToString(CultureInfo.InvariantCulture) : request.ExecId;
        var session = new ExecSession(_runc, _reaper, _devNull, _options.StateDirectory, _options.SocketPath, sequence);
        lock (_execLock)
        {
            _allExecs.Add(session);
        }

        try
        {
            session.Run(
                socket,
                reader,
                request,
                register: s =>
                {
                    lock (_execLock)
                    {
                        _execs[key] = s;
                    }
                },
                unregister: s =>
                {
                    lock (_execLock)
                    {
                        _execs.Remove(key);
                    }
                });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ShimConnection.Respond(socket, ShimConnection.Error(exception.Message));
        }
        finally
        {
            lock (_execLock)
            {
                _allExecs.Remove(session);
            }
        }
    }
}
