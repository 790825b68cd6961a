using System.Collections;
using Wharf.Linux;

namespace Wharf.Shim;

/// <summary>Runs runc for one container: each call spawns it with the given stdio and waits for it through the reaper.</summary>
internal sealed class Runc
{
    private readonly string _path;
    private readonly string _root;
    private readonly string _id;
    private readonly Reaper _reaper;
    private readonly string[] _environment;

    public Runc(string path, string root, string id, Reaper reaper)
    {
        _path = path;
        _root = root;
        _id = id;
        _reaper = reaper;
        var environment = new List<string>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{variable.Key}={variable.Value}");
        }

        _environment = [.. environment];
    }

    /// <summary><c>runc run -d</c>: creates and starts the container in one spawn; returns runc's exit code.</summary>
    public int Run(string bundle, string pidFile, string logFile, string? consoleSocket, ReadOnlySpan<int> stdio)
    {
        var arguments = GlobalArguments(logFile);
        arguments.AddRange(["run", "-d", "--pid-file", pidFile]);
        if (consoleSocket is not null)
        {
            arguments.AddRange(["--console-socket", consoleSocket]);
        }

        arguments.AddRange(["--bundle", bundle, _id]);
        return RunToCompletion(arguments, stdio);
    }

    /// <summary><c>runc exec -d</c> of the OCI process in <paramref name="processFile"/>.</summary>
    public int Exec(string processFile, string pidFile, string logFile, string? consoleSocket, ReadOnlySpan<int> stdio)
    {
        var arguments = GlobalArguments(logFile);
        arguments.AddRange(["exec", "-d", "--pid-file", pidFile, "--process", processFile]);
        if (consoleSocket is not null)
        {
            arguments.AddRange(["--console-socket", consoleSocket]);
        }

        arguments.Add(_id);
        return RunToCompletion(arguments, stdio);
    }

    /// <summary><c>runc delete --force</c>: kills what is left and removes runc's state and the cgroups.</summary>
    public int Delete(string logFile, ReadOnlySpan<int> stdio)
    {
        var arguments = GlobalArguments(logFile);
        arguments.AddRange(["delete", "--force", _id]);
        return RunToCompletion(arguments, stdio);
    }

    private List<string> GlobalArguments(string logFile) =>
        [_path, "--root", _root, "--log", logFile, "--log-format", "json"];

    private int RunToCompletion(List<string> arguments, ReadOnlySpan<int> stdio)
    {
        var pid = PosixSpawn.Spawn(_path, arguments, _environment, stdio);
        _reaper.ChildSpawned();
        return _reaper.WaitForExit(pid).GetAwaiter().GetResult();
    }
}
