using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>The daemon settings that shape containers (dockerd's defaults for what a create request leaves unset).</summary>
public sealed record ContainerServiceOptions
{
    public required string DataRoot { get; init; }

    public required string ExecRoot { get; init; }

    public string DefaultRuntime { get; init; } = "runc";

    /// <summary>Runtime name to executable path (<c>--add-runtime</c>); a container may name any of them.</summary>
    public IReadOnlyDictionary<string, string> Runtimes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["runc"] = "runc" };

    public string LogDriver { get; init; } = "json-file";

    public IReadOnlyDictionary<string, string> LogOptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Bytes of /dev/shm for containers that set none (<c>--default-shm-size</c>, 64 MiB).</summary>
    public long ShmSize { get; init; } = 64L * 1024 * 1024;

    public string CgroupnsMode { get; init; } = "host";

    public string IpcMode { get; init; } = "private";

    /// <summary><c>--init</c>: run an init as PID 1 unless the container says otherwise.</summary>
    public bool Init { get; init; }

    /// <summary>The init binary (docker-init or tini-static); null to look for one.</summary>
    public string? InitPath { get; init; }

    public bool NoNewPrivileges { get; init; }

    public IReadOnlyList<Ulimit> Ulimits { get; init; } = [];

    /// <summary><c>--cgroup-parent</c>; null for <c>/wharf</c> (cgroupfs) or <c>system.slice</c> (systemd).</summary>
    public string? CgroupParent { get; init; }

    /// <summary><c>cgroupfs</c> or <c>systemd</c>.</summary>
    public string CgroupDriver { get; init; } = "cgroupfs";

    /// <summary>"1" (v1 or hybrid) or "2" (unified), for the path of the memory cgroup.</summary>
    public string CgroupVersion { get; init; } = "1";

    public IReadOnlyList<string> Dns { get; init; } = [];

    public IReadOnlyList<string> DnsSearch { get; init; } = [];

    public IReadOnlyList<string> DnsOptions { get; init; } = [];

    public string HostResolvConfPath { get; init; } = "/etc/resolv.conf";

    public string HostHostsPath { get; init; } = "/etc/hosts";

    /// <summary>The host's name (hostname of containers on the host network).</summary>
    public string HostName { get; init; } = Environment.MachineName;
}
