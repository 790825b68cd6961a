using Wharf.Api;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers.Oci;

/// <summary>A scratch rootfs (with /etc/passwd and /etc/group) and the host files a container's spec points at.</summary>
public sealed class SpecBundle : IDisposable
{
    public const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly TempDirectory _directory = new();

    public SpecBundle()
    {
        Rootfs = Path.Combine(_directory.Path, "rootfs");
        Directory.CreateDirectory(Path.Combine(Rootfs, "etc"));
        File.WriteAllText(Path.Combine(Rootfs, "etc/passwd"), """
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            bob:x:1000:1000:Bob:/home/bob:/bin/sh

            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            """);
        File.WriteAllText(Path.Combine(Rootfs, "etc/group"), """
            root:x:0:
            sudo:x:27:bob,alice
            audio:x:29:
            staff:x:50:
            bob:x:1000:
            docker:x:999:bob
            """);
        HostnamePath = _directory.File("hostname");
        HostsPath = _directory.File("hosts");
        ResolvConfPath = _directory.File("resolv.conf");
        File.WriteAllText(HostnamePath, "0123456789ab\n");
        File.WriteAllText(HostsPath, "127.0.0.1\tlocalhost\n");
        File.WriteAllText(ResolvConfPath, "nameserver 127.0.0.1\n");
    }

    public string Root => _directory.Path;

    public string Rootfs { get; }

    public string HostnamePath { get; }

    public string HostsPath { get; }

    public string ResolvConfPath { get; }

    public static ContainerConfig Config(params string[] cmd) => new()
    {
        Hostname = Id[..12],
        Image = "busybox",
        Cmd = cmd.Length == 0 ? ["sh"] : cmd,
    };

    public ContainerSpecContext Context(
        ContainerConfig? config = null,
        HostConfig? hostConfig = null,
        IReadOnlyDictionary<string, string>? namespacePaths = null,
        string? shmPath = null,
        string? initPath = null,
        IReadOnlyList<OciMount>? extraMounts = null) =>
        new(
            Id,
            config ?? Config(),
            hostConfig ?? new HostConfig(),
            Rootfs,
            HostnamePath,
            HostsPath,
            ResolvConfPath,
            "/wharf/" + Id,
            namespacePaths ?? new Dictionary<string, string>(),
            shmPath,
            initPath,
            extraMounts ?? []);

    public void Dispose() => _directory.Dispose();
}
