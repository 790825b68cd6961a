using System.Globalization;

namespace Wharf.Shim.Protocol;

/// <summary>
/// The command line wharfd starts <c>wharf-shim</c> with. Both sides use this type, so that the flags cannot drift:
/// <c>--id ID --bundle DIR --state DIR --socket PATH --runtime PATH --runtime-root DIR [--tty] [--stdin]
/// [--stdin-once] [--replay-first-attach] --log-driver NAME [--log-path PATH] [--log-opt K=V]… [--memory-cgroup DIR] [--height N --width N]</c>.
/// </summary>
public sealed class ShimArguments
{
    public string Id { get; init; } = "";

    public string BundleDirectory { get; init; } = "";

    public string StateDirectory { get; init; } = "";

    public string SocketPath { get; init; } = "";

    public string RuntimePath { get; init; } = "/usr/sbin/runc";

    public string RuntimeRoot { get; init; } = "";

    public bool Tty { get; init; }

    public bool OpenStdin { get; init; }

    public bool StdinOnce { get; init; }

    public string LogDriver { get; init; } = LogDrivers.JsonFile;

    public string LogPath { get; init; } = "";

    public IReadOnlyDictionary<string, string> LogOptions { get; init; } = new Dictionary<string, string>();

    public string? MemoryCgroupPath { get; init; }

    /// <summary>Keep the output until the first attach connects, and give it to that client (docker run attaches before the start).</summary>
    public bool ReplayToFirstAttach { get; init; }

    public int Height { get; init; }

    public int Width { get; init; }

    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string>
        {
            "--id", Id,
            "--bundle", BundleDirectory,
            "--state", StateDirectory,
            "--socket", SocketPath,
            "--runtime", RuntimePath,
            "--runtime-root", RuntimeRoot,
            "--log-driver", LogDriver,
        };
        if (Tty)
        {
            arguments.Add("--tty");
        }

        if (OpenStdin)
        {
            arguments.Add("--stdin");
        }

        if (StdinOnce)
        {
            arguments.Add("--stdin-once");
        }

        if (ReplayToFirstAttach)
        {
            arguments.Add("--replay-first-attach");
        }

        if (LogPath.Length > 0)
        {
            arguments.Add("--log-path");
            arguments.Add(LogPath);
        }

        foreach (var (key, value) in LogOptions)
        {
            arguments.Add("--log-opt");
            arguments.Add(key + "=" + value);
        }

        if (!string.IsNullOrEmpty(MemoryCgroupPath))
        {
            arguments.Add("--memory-cgroup");
            arguments.Add(MemoryCgroupPath);
        }

        if (Height > 0 && Width > 0)
        {
            arguments.Add("--height");
            arguments.Add(Height.ToString(CultureInfo.InvariantCulture));
            arguments.Add("--width");
            arguments.Add(Width.ToString(CultureInfo.InvariantCulture));
        }

        return arguments;
    }

    /// <summary>Parses what <see cref="ToArguments"/> produced; throws FormatException on anything else.</summary>
    public static ShimArguments Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string id = "", bundle = "", state = "", socket = "", runtime = "/usr/sbin/runc", runtimeRoot = "", driver = LogDrivers.JsonFile, logPath = "";
        string? memoryCgroup = null;
        bool tty = false, stdin = false, stdinOnce = false, replay = false;
        int height = 0, width = 0;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var flag = arguments[i];
            switch (flag)
            {
                case "--tty":
                    tty = true;
                    continue;
                case "--stdin":
                    stdin = true;
                    continue;
                case "--stdin-once":
                    stdinOnce = true;
                    continue;
                case "--replay-first-attach":
                    replay = true;
                    continue;
            }

            if (i + 1 >= arguments.Count)
            {
                throw new FormatException($"flag needs an argument: {flag}");
            }

            var value = arguments[++i];
            switch (flag)
            {
                case "--id": id = value; break;
                case "--bundle": bundle = value; break;
                case "--state": state = value; break;
                case "--socket": socket = value; break;
                case "--runtime": runtime = value; break;
                case "--runtime-root": runtimeRoot = value; break;
                case "--log-driver": driver = value; break;
                case "--log-path": logPath = value; break;
                case "--memory-cgroup": memoryCgroup = value; break;
                case "--height": height = ParseInt(flag, value); break;
                case "--width": width = ParseInt(flag, value); break;
                case "--log-opt":
                    var equals = value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new FormatException($"invalid --log-opt: {value}");
                    }

                    options[value[..equals]] = value[(equals + 1)..];
                    break;
                default:
                    throw new FormatException($"unknown flag: {flag}");
            }
        }

        if (id.Length == 0 || bundle.Length == 0 || state.Length == 0 || socket.Length == 0 || runtimeRoot.Length == 0)
        {
            throw new FormatException("--id, --bundle, --state, --socket and --runtime-root are required");
        }

        return new ShimArguments
        {
            Id = id,
            BundleDirectory = bundle,
            StateDirectory = state,
            SocketPath = socket,
            RuntimePath = runtime,
            RuntimeRoot = runtimeRoot,
            Tty = tty,
            OpenStdin = stdin,
            StdinOnce = stdinOnce,
            ReplayToFirstAttach = replay,
            LogDriver = driver,
            LogPath = logPath,
            LogOptions = options,
            MemoryCgroupPath = memoryCgroup,
            Height = height,
            Width = width,
        };
    }

    private static int ParseInt(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"invalid value for {flag}: {value}");
}
