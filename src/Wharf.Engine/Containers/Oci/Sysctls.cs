using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Which <c>--sysctl</c> keys a container may set: only those namespaced by the namespaces it owns (as docker's and runc's checks).</summary>
public static class Sysctls
{
    private static readonly HashSet<string> IpcSysctls = new(StringComparer.Ordinal)
    {
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax",
        "kernel.shmmni", "kernel.shm_rmid_forced",
    };

    /// <param name="privateNetwork">The container has its own network namespace (not host, not another container's).</param>
    /// <param name="privateIpc">The container has an IPC namespace (not the host's).</param>
    /// <param name="privateUts">The container has its own UTS namespace.</param>
    public static void Validate(IReadOnlyDictionary<string, string>? sysctls, bool privateNetwork, bool privateIpc, bool privateUts)
    {
        foreach (var name in (sysctls?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            if (IpcSysctls.Contains(name) || name.StartsWith("fs.mqueue.", StringComparison.Ordinal))
            {
                if (!privateIpc)
                {
                    throw EngineException.InvalidParameter($"sysctl {GoQuote.Quote(name)} is not allowed in the hosts ipc namespace");
                }

                continue;
            }

            if (name.StartsWith("net.", StringComparison.Ordinal))
            {
                if (!privateNetwork)
                {
                    throw EngineException.InvalidParameter($"sysctl {GoQuote.Quote(name)} is not allowed in host network namespace");
                }

                continue;
            }

            if (privateUts && name == "kernel.domainname")
            {
                continue;
            }

            if (privateUts && name == "kernel.hostname")
            {
                throw EngineException.InvalidParameter($"sysctl {GoQuote.Quote(name)} is not allowed as it conflicts with the OCI \"hostname\" field");
            }

            throw EngineException.InvalidParameter($"sysctl {GoQuote.Quote(name)} is not whitelisted");
        }
    }
}
