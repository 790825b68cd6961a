using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Daemon.Configuration;
using Wharf.Engine.Containers;
using Wharf.Engine.SystemInfo;

namespace Wharf.Daemon.Composition;

/// <summary>Turns wharfd's configuration into the container service's defaults.</summary>
internal static partial class ContainerComposition
{
    public static ContainerServiceOptions Options(DaemonOptions options, HostInfo host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        return new ContainerServiceOptions
        {
            DataRoot = options.DataRoot,
            ExecRoot = options.ExecRoot,
            DefaultRuntime = options.DefaultRuntime,
            Runtimes = options.Runtimes,
            LogDriver = options.LogDriver,
            LogOptions = options.LogOpts,
            ShmSize = RamInBytes(options.DefaultShmSize),
            CgroupnsMode = options.DefaultCgroupnsMode,
            IpcMode = options.DefaultIpcMode,
            Init = options.Init,
            NoNewPrivileges = options.NoNewPrivileges,
            Ulimits = [.. options.DefaultUlimits.Select(ParseUlimit)],
            CgroupParent = options.CgroupParent,
            CgroupDriver = options.CgroupDriver,
            CgroupVersion = host.CgroupVersion,
            Dns = options.Dns,
            DnsSearch = options.DnsSearch,
            DnsOptions = options.DnsOpts,
            HostName = host.Hostname,
        };
    }

    /// <summary>The runc (or other OCI runtime) executable of the default runtime, looked up in PATH when it is a bare name.</summary>
    public static string DefaultRuntimePath(DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Runtimes.TryGetValue(options.DefaultRuntime, out var configured) && configured.Length > 0 ? configured : "runc";
        if (path.Contains('/', StringComparison.Ordinal))
        {
            return path;
        }

        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        return directories.Select(d => Path.Combine(d, path)).FirstOrDefault(File.Exists) ?? path;
    }

    /// <summary>go-units' RAMInBytes (binary multiples: 64M = 64 MiB); the value was validated when the configuration was read.</summary>
    public static long RamInBytes(string size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var match = Size().Match(size);
        if (!match.Success)
        {
            throw new DaemonConfigurationException($"invalid size: '{size}'");
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var shift = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "K" => 10,
            "M" => 20,
            "G" => 30,
            "T" => 40,
            "P" => 50,
            _ => 0,
        };
        return (long)(amount * (1L << shift));
    }

    /// <summary>A normalised <c>name=soft:hard</c> entry of the configuration.</summary>
    private static Ulimit ParseUlimit(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var limits = entry[(equals + 1)..].Split(':');
        return new Ulimit
        {
            Name = entry[..equals],
            Soft = long.Parse(limits[0], CultureInfo.InvariantCulture),
            Hard = long.Parse(limits[^1], CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$")]
    private static partial Regex Size();
}
