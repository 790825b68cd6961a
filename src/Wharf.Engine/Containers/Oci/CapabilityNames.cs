namespace Wharf.Engine.Containers.Oci;

/// <summary>Linux capability names by number (capabilities(7)), as Docker and runc spell them.</summary>
public static class CapabilityNames
{
    /// <summary>Every capability this build knows, index = capability number.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    /// <summary>The names of the bits set in a capability mask such as <c>CapEff</c> of /proc/self/status, up to <paramref name="lastCapability"/>.</summary>
    public static IReadOnlyList<string> FromMask(ulong mask, int lastCapability)
    {
        var names = new List<string>();
        for (var number = 0; number < Known.Count && number <= lastCapability; number++)
        {
            if ((mask & (1UL << number)) != 0)
            {
                names.Add(Known[number]);
            }
        }

        return names;
    }
}
